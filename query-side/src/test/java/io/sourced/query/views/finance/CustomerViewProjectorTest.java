package io.sourced.query.views.finance;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.finance.AccountOpenedEvent;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.CustomerView;
import io.sourced.api.finance.FindCustomerQuery;
import io.sourced.api.finance.FindTransactionsQuery;
import io.sourced.api.finance.FundsDepositedEvent;
import io.sourced.api.finance.FundsWithdrawnEvent;
import io.sourced.api.finance.PaymentAuthorizedEvent;
import io.sourced.api.finance.PaymentDeclinedEvent;
import io.sourced.api.finance.PaymentRefundedEvent;
import io.sourced.api.finance.TransactionType;
import io.sourced.api.finance.TransactionView;
import io.sourced.api.ordering.OrderId;
import io.sourced.query.BatchEquivalence;
import io.sourced.query.Deliver;
import io.sourced.query.ViewDatabase;
import io.sourced.query.WorkflowEvents;
import java.math.BigDecimal;
import java.time.Instant;
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
                .containsExactly(new TransactionView(
                        TransactionType.DEPOSIT, new BigDecimal("100.50"), null, new BigDecimal("100.50"), AT));
    }

    @Test
    void fundsWithdrawn_setsTheBalanceAndRecordsAWithdrawal() {
        deliver.on(new FundsDepositedEvent(alice, new BigDecimal("100"), new BigDecimal("100"), null), AT);

        deliver.on(new FundsWithdrawnEvent(alice, new BigDecimal("30"), new BigDecimal("70"), null), AT.plusSeconds(1));

        assertThat(customer().balance()).isEqualByComparingTo("70");
        assertThat(lastTransaction())
                .isEqualTo(new TransactionView(
                        TransactionType.WITHDRAWAL,
                        new BigDecimal("30.00"),
                        null,
                        new BigDecimal("70.00"),
                        AT.plusSeconds(1)));
    }

    @Test
    void paymentAuthorized_setsTheBalanceAndRecordsAPaymentForTheOrder() {
        deliver.on(new FundsDepositedEvent(alice, new BigDecimal("100"), new BigDecimal("100"), null), AT);

        deliver.on(
                new PaymentAuthorizedEvent(alice, orderId, new BigDecimal("8.80"), new BigDecimal("91.20")),
                AT.plusSeconds(2));

        assertThat(customer().balance()).isEqualByComparingTo("91.20");
        assertThat(lastTransaction())
                .isEqualTo(new TransactionView(
                        TransactionType.PAYMENT,
                        new BigDecimal("8.80"),
                        orderId,
                        new BigDecimal("91.20"),
                        AT.plusSeconds(2)));
    }

    @Test
    void paymentRefunded_setsTheBalanceAndRecordsARefundForTheOrder() {
        deliver.on(new FundsDepositedEvent(alice, new BigDecimal("100"), new BigDecimal("100"), null), AT);
        deliver.on(new PaymentAuthorizedEvent(alice, orderId, new BigDecimal("8.80"), new BigDecimal("91.20")), AT);

        deliver.on(
                new PaymentRefundedEvent(alice, orderId, new BigDecimal("8.80"), new BigDecimal("100.00")),
                AT.plusSeconds(3));

        assertThat(customer().balance()).isEqualByComparingTo("100");
        assertThat(lastTransaction())
                .isEqualTo(new TransactionView(
                        TransactionType.REFUND,
                        new BigDecimal("8.80"),
                        orderId,
                        new BigDecimal("100.00"),
                        AT.plusSeconds(3)));
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

    private TransactionView lastTransaction() {
        var ledger = queries.handle(new FindTransactionsQuery(alice));
        return ledger.get(ledger.size() - 1);
    }

    @Test
    void eventsInBatches_writeWhatTheyWriteOneByOne() {
        BatchEquivalence.assertBatchesWriteWhatSingleEventsWrite(
                CustomerViewProjector::new, WorkflowEvents.messages(), "customer_view", "customer_transaction_view");
    }
}
