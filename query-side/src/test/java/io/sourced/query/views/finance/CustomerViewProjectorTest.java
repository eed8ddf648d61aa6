package io.sourced.query.views.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sourced.api.finance.AccountOpenedEvent;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.CustomerView;
import io.sourced.api.finance.DepositReversedEvent;
import io.sourced.api.finance.FindCustomerQuery;
import io.sourced.api.finance.FindTransactionsQuery;
import io.sourced.api.finance.FundsDepositedEvent;
import io.sourced.api.finance.FundsWithdrawnEvent;
import io.sourced.api.finance.PaymentAuthorizedEvent;
import io.sourced.api.finance.PaymentDeclinedEvent;
import io.sourced.api.finance.PaymentRefundedEvent;
import io.sourced.api.finance.ReturnRefundDeclinedEvent;
import io.sourced.api.finance.ReturnRefundedEvent;
import io.sourced.api.finance.TransactionId;
import io.sourced.api.finance.TransactionType;
import io.sourced.api.finance.TransactionView;
import io.sourced.api.idempotency.OperationId;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.ReturnId;
import io.sourced.query.BatchEquivalence;
import io.sourced.query.Deliver;
import io.sourced.query.ViewDatabase;
import io.sourced.query.WorkflowEvents;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class CustomerViewProjectorTest {

    private static final Instant AT = Instant.parse("2026-11-26T12:00:00Z");

    private final CustomerId alice = CustomerId.random();
    private final OrderId orderId = OrderId.random();

    private JdbcTemplate jdbc;
    private CustomerViewProjector projector;
    private Deliver deliver;
    private CustomerViewQueries queries;

    @BeforeEach
    void setUp() {
        jdbc = ViewDatabase.migrated();
        projector = new CustomerViewProjector(jdbc);
        deliver = Deliver.to(projector);
        queries = new CustomerViewQueries(jdbc);
        deliver.on(new AccountOpenedEvent(alice, "Alice"));
    }

    @Test
    void accountOpened_showsTheCustomerWithAZeroBalanceAndNoLedger() {
        assertThat(customer()).isEqualTo(new CustomerView(alice, "Alice", new BigDecimal("0.00")));
        assertThat(queries.handle(new FindTransactionsQuery(alice))).isEmpty();
    }

    @Test
    void accountOpened_again_isSkipped() {
        deliver.on(new FundsDepositedEvent(alice, new BigDecimal("5"), new BigDecimal("5"), null), AT);

        deliver.on(new AccountOpenedEvent(alice, "Someone else"));

        assertThat(customer()).isEqualTo(new CustomerView(alice, "Alice", new BigDecimal("5.00")));
    }

    @Test
    void fundsDeposited_setsTheBalanceAndRecordsADeposit() {
        deliver.on(new FundsDepositedEvent(alice, new BigDecimal("100.50"), new BigDecimal("100.50"), null), AT);

        assertThat(customer().balance()).isEqualByComparingTo("100.50");
        assertThat(queries.handle(new FindTransactionsQuery(alice)))
                .map(CustomerViewProjectorTest::withoutId)
                .containsExactly(new TransactionView(
                        null,
                        TransactionType.DEPOSIT,
                        new BigDecimal("100.50"),
                        null,
                        new BigDecimal("100.50"),
                        AT,
                        null,
                        false));
    }

    @Test
    void fundsWithdrawn_setsTheBalanceAndRecordsAWithdrawal() {
        deliver.on(new FundsDepositedEvent(alice, new BigDecimal("100"), new BigDecimal("100"), null), AT);

        deliver.on(new FundsWithdrawnEvent(alice, new BigDecimal("30"), new BigDecimal("70"), null), AT.plusSeconds(1));

        assertThat(customer().balance()).isEqualByComparingTo("70");
        assertThat(withoutId(lastTransaction()))
                .isEqualTo(new TransactionView(
                        null,
                        TransactionType.WITHDRAWAL,
                        new BigDecimal("30.00"),
                        null,
                        new BigDecimal("70.00"),
                        AT.plusSeconds(1),
                        null,
                        false));
    }

    @Test
    void paymentAuthorized_setsTheBalanceAndRecordsAPaymentForTheOrder() {
        deliver.on(new FundsDepositedEvent(alice, new BigDecimal("100"), new BigDecimal("100"), null), AT);

        deliver.on(
                new PaymentAuthorizedEvent(alice, orderId, new BigDecimal("8.80"), new BigDecimal("91.20")),
                AT.plusSeconds(2));

        assertThat(customer().balance()).isEqualByComparingTo("91.20");
        assertThat(withoutId(lastTransaction()))
                .isEqualTo(new TransactionView(
                        null,
                        TransactionType.PAYMENT,
                        new BigDecimal("8.80"),
                        orderId,
                        new BigDecimal("91.20"),
                        AT.plusSeconds(2),
                        null,
                        false));
    }

    @Test
    void paymentRefunded_setsTheBalanceAndRecordsARefundForTheOrder() {
        deliver.on(new FundsDepositedEvent(alice, new BigDecimal("100"), new BigDecimal("100"), null), AT);
        deliver.on(new PaymentAuthorizedEvent(alice, orderId, new BigDecimal("8.80"), new BigDecimal("91.20")), AT);

        deliver.on(
                new PaymentRefundedEvent(alice, orderId, new BigDecimal("8.80"), new BigDecimal("100.00")),
                AT.plusSeconds(3));

        assertThat(customer().balance()).isEqualByComparingTo("100");
        assertThat(withoutId(lastTransaction()))
                .isEqualTo(new TransactionView(
                        null,
                        TransactionType.REFUND,
                        new BigDecimal("8.80"),
                        orderId,
                        new BigDecimal("100.00"),
                        AT.plusSeconds(3),
                        null,
                        false));
    }

    @Test
    void fundsDeposited_withAnOperation_isTheEntryOfThatId_andAnEventWithoutOneGetsTheIdOfItsEvent() {
        OperationId operation = OperationId.random();
        deliver.on(new FundsDepositedEvent(alice, new BigDecimal("10"), new BigDecimal("10"), operation), AT);
        deliver.on(new FundsDepositedEvent(alice, new BigDecimal("5"), new BigDecimal("15"), null), AT);

        List<TransactionView> ledger = queries.handle(new FindTransactionsQuery(alice));
        assertThat(ledger.get(0).transactionId()).isEqualTo(TransactionId.of(operation.value()));
        assertThat(ledger.get(1).transactionId())
                .isNotNull()
                .isNotEqualTo(ledger.get(0).transactionId());
    }

    @Test
    void depositReversed_lowersTheBalance_recordsTheReversal_andMarksTheDeposit() {
        OperationId operation = OperationId.random();
        TransactionId deposit = TransactionId.of(operation.value());
        deliver.on(new FundsDepositedEvent(alice, new BigDecimal("100"), new BigDecimal("100"), null), AT);
        deliver.on(new FundsDepositedEvent(alice, new BigDecimal("40"), new BigDecimal("140"), operation), AT);

        deliver.on(
                new DepositReversedEvent(alice, deposit, new BigDecimal("40"), new BigDecimal("100"), "wrong account"),
                AT.plusSeconds(4));

        assertThat(customer().balance()).isEqualByComparingTo("100");
        List<TransactionView> ledger = queries.handle(new FindTransactionsQuery(alice));
        assertThat(ledger)
                .extracting(TransactionView::type, TransactionView::reversed)
                .containsExactly(
                        tuple(TransactionType.DEPOSIT, false),
                        tuple(TransactionType.DEPOSIT, true),
                        tuple(TransactionType.REVERSAL, false));
        assertThat(withoutId(ledger.get(2)))
                .isEqualTo(new TransactionView(
                        null,
                        TransactionType.REVERSAL,
                        new BigDecimal("40.00"),
                        null,
                        new BigDecimal("100.00"),
                        AT.plusSeconds(4),
                        deposit,
                        false));
    }

    @Test
    void paymentDeclined_changesNothing() throws Exception {
        AnnotationEventHandlerAdapter axon = new AnnotationEventHandlerAdapter(projector);
        EventMessage<?> declined = at(new PaymentDeclinedEvent(alice, orderId, BigDecimal.TEN, BigDecimal.ZERO), AT);

        axon.handle(declined);

        assertThat(axon.canHandle(declined)).isFalse();
        assertThat(customer().balance()).isEqualByComparingTo("0");
        assertThat(queries.handle(new FindTransactionsQuery(alice))).isEmpty();
    }

    @Test
    void fundsDeposited_handledByAxon_isRecordedAtTheEventsTimestamp_andResetEmptiesTheView() throws Exception {
        AnnotationEventHandlerAdapter axon = new AnnotationEventHandlerAdapter(projector);

        axon.handle(at(new FundsDepositedEvent(alice, new BigDecimal("3"), new BigDecimal("3"), null), AT));

        assertThat(lastTransaction().at()).isEqualTo(AT);
        axon.prepareReset();
        assertThat(ViewDatabase.count(jdbc, "customer_view")).isZero();
    }

    /** A later event of the account than any delivered before. */
    private EventMessage<?> at(Object payload, Instant timestamp) {
        return new GenericDomainEventMessage<>(
                "CustomerAccount",
                alice.value(),
                1_000,
                payload,
                MetaData.emptyInstance(),
                UUID.randomUUID().toString(),
                timestamp);
    }

    @Test
    void reset_deletesEveryCustomerAndLedgerEntry() {
        deliver.on(new FundsDepositedEvent(alice, new BigDecimal("5"), new BigDecimal("5"), null), AT);

        projector.reset();

        assertThat(ViewDatabase.count(jdbc, "customer_view")).isZero();
        assertThat(ViewDatabase.count(jdbc, "customer_transaction_view")).isZero();
    }

    private CustomerView customer() {
        return queries.handle(new FindCustomerQuery(alice)).orElseThrow();
    }

    /** The entry with its id checked and left out: an entry made without an operation takes its id from the event's. */
    private static TransactionView withoutId(TransactionView entry) {
        assertThat(entry.transactionId()).isNotNull();
        return new TransactionView(
                null,
                entry.type(),
                entry.amount(),
                entry.orderId(),
                entry.balanceAfter(),
                entry.at(),
                entry.reverses(),
                entry.reversed());
    }

    private TransactionView lastTransaction() {
        var ledger = queries.handle(new FindTransactionsQuery(alice));
        return ledger.get(ledger.size() - 1);
    }

    @Test
    void eventsInBatches_writeWhatTheyWriteOneByOne() {
        BatchEquivalence.assertBatchesWriteWhatSingleEventsWrite(
                CustomerViewProjector::new, WorkflowEvents.messages(), "customer_view", "customer_transaction_view");
    }

    @Test
    void returnRefunded_setsTheBalanceAndRecordsARefundForTheOrder() {
        deliver.on(new FundsDepositedEvent(alice, new BigDecimal("100"), new BigDecimal("100"), null), AT);
        deliver.on(new PaymentAuthorizedEvent(alice, orderId, new BigDecimal("8.80"), new BigDecimal("91.20")), AT);

        deliver.on(
                new ReturnRefundedEvent(
                        alice, orderId, ReturnId.random(), new BigDecimal("2.10"), new BigDecimal("93.30")),
                AT.plusSeconds(3));
        deliver.on(
                new ReturnRefundDeclinedEvent(alice, orderId, ReturnId.random(), new BigDecimal("9.00"), "too much"),
                AT.plusSeconds(4));

        assertThat(customer().balance()).isEqualByComparingTo("93.30");
        assertThat(withoutId(lastTransaction()))
                .isEqualTo(new TransactionView(
                        null,
                        TransactionType.REFUND,
                        new BigDecimal("2.10"),
                        orderId,
                        new BigDecimal("93.30"),
                        AT.plusSeconds(3),
                        null,
                        false));
    }
}
