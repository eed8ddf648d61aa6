package io.sourced.command.finance;

import static io.sourced.api.refusal.Refusal.Kind.*;
import static io.sourced.command.RefusalMatchers.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.api.finance.AccountOpenedEvent;
import io.sourced.api.finance.AuthorizePaymentCommand;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.DepositFundsCommand;
import io.sourced.api.finance.DepositReversedEvent;
import io.sourced.api.finance.FundsDepositedEvent;
import io.sourced.api.finance.PaymentAuthorizedEvent;
import io.sourced.api.finance.PaymentDeclinedEvent;
import io.sourced.api.finance.PaymentRefundedEvent;
import io.sourced.api.finance.RefundPaymentCommand;
import io.sourced.api.finance.ReverseDepositCommand;
import io.sourced.api.finance.TransactionId;
import io.sourced.api.finance.WithdrawFundsCommand;
import io.sourced.api.idempotency.OperationId;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.rules.BusinessRules;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** A snapshot is the aggregate serialized by Jackson: its state must come back whole. */
class CustomerAccountSnapshotTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules())
            .build();
    private final CustomerId alice = CustomerId.random();
    private final OrderId paid = OrderId.random();
    private final OrderId refunded = OrderId.random();
    private final OrderId declined = OrderId.random();

    @Test
    void accountSnapshot_roundTrip_keepsTheState() {
        CustomerAccount original = accountWithPayments();

        SerializedObject<String> snapshot = serializer.serialize(original, String.class);
        CustomerAccount restored = serializer.deserialize(snapshot);

        assertThat(snapshot.getData()).contains(paid.value(), refunded.value(), "\"balance\":70.00");
        assertThat(restored).usingRecursiveComparison().isEqualTo(original);
        assertThat(serializer.serialize(restored, String.class).getData()).isEqualTo(snapshot.getData());
    }

    @Test
    void accountSnapshot_restored_stillKnowsItsPayments() {
        CustomerAccount restored = copyOf(accountWithPayments());

        fixture()
                .givenState(() -> copyOf(restored))
                .when(new AuthorizePaymentCommand(alice, paid, new BigDecimal("30.00")))
                .expectNoEvents();
        fixture()
                .givenState(() -> copyOf(restored))
                .when(new RefundPaymentCommand(alice, refunded))
                .expectNoEvents();
        fixture()
                .givenState(() -> copyOf(restored))
                .when(new RefundPaymentCommand(alice, paid))
                .expectEvents(new PaymentRefundedEvent(alice, paid, new BigDecimal("30.00"), new BigDecimal("100.00")));
        fixture()
                .givenState(() -> copyOf(restored))
                .when(new WithdrawFundsCommand(alice, new BigDecimal("70.01"), OperationId.random()))
                .expectException(refused(UNPROCESSABLE));
    }

    @Test
    void accountSnapshot_restored_stillKnowsItsRecentOperations() {
        OperationId deposit = OperationId.random();
        AtomicReference<CustomerAccount> captured = new AtomicReference<>();
        fixture()
                .given(
                        new AccountOpenedEvent(alice, "Alice"),
                        new FundsDepositedEvent(alice, new BigDecimal("10.00"), new BigDecimal("10.00"), deposit))
                .when(new WithdrawFundsCommand(alice, new BigDecimal("1.00"), OperationId.random()))
                .expectState(captured::set);
        CustomerAccount restored = copyOf(captured.get());

        fixture()
                .givenState(() -> copyOf(restored))
                .when(new DepositFundsCommand(alice, new BigDecimal("10"), deposit))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void accountSnapshot_ofAnEarlierVersion_withPaymentsAsAList_isStillRead() {
        String earlier = """
                {"customerId":"%s","balance":70.00,
                 "payments":[{"orderId":"%s","amount":30.00,"refunded":false},
                             {"orderId":"%s","amount":20.00,"refunded":true}],
                 "declinedOrders":["%s"]}""".formatted(alice.value(), paid.value(), refunded.value(), declined.value());
        CustomerAccount restored = serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
                earlier, String.class, CustomerAccount.class.getName(), null));

        // such a snapshot is passed over when the account is loaded (the aggregate's revision): it knows no deposits
        assertThat(restored)
                .usingRecursiveComparison()
                .ignoringFields("deposits")
                .isEqualTo(accountWithPayments());
    }

    @Test
    void accountSnapshot_restored_stillKnowsItsDeposits() {
        OperationId deposit = OperationId.random();
        AtomicReference<CustomerAccount> captured = new AtomicReference<>();
        fixture()
                .given(
                        new AccountOpenedEvent(alice, "Alice"),
                        new FundsDepositedEvent(alice, new BigDecimal("10.00"), new BigDecimal("10.00"), null),
                        new FundsDepositedEvent(alice, new BigDecimal("5.00"), new BigDecimal("15.00"), deposit))
                .when(new WithdrawFundsCommand(alice, new BigDecimal("1.00"), OperationId.random()))
                .expectState(captured::set);
        CustomerAccount restored = copyOf(captured.get());

        fixture()
                .givenState(() -> copyOf(restored))
                .when(new ReverseDepositCommand(alice, TransactionId.of(deposit.value()), "mistake"))
                .expectEvents(new DepositReversedEvent(
                        alice,
                        TransactionId.of(deposit.value()),
                        new BigDecimal("5.00"),
                        new BigDecimal("9.00"),
                        "mistake"));
    }

    private CustomerAccount copyOf(CustomerAccount account) {
        return serializer.deserialize(serializer.serialize(account, String.class));
    }

    private CustomerAccount accountWithPayments() {
        AtomicReference<CustomerAccount> captured = new AtomicReference<>();
        fixture()
                .given(
                        new AccountOpenedEvent(alice, "Alice"),
                        new FundsDepositedEvent(alice, new BigDecimal("100.00"), new BigDecimal("100.00"), null),
                        new PaymentAuthorizedEvent(alice, paid, new BigDecimal("30.00"), new BigDecimal("70.00")),
                        new PaymentAuthorizedEvent(alice, refunded, new BigDecimal("20.00"), new BigDecimal("50.00")),
                        new PaymentRefundedEvent(alice, refunded, new BigDecimal("20.00"), new BigDecimal("70.00")),
                        new PaymentDeclinedEvent(alice, declined, new BigDecimal("500.00"), new BigDecimal("70.00")))
                .when(new AuthorizePaymentCommand(alice, paid, new BigDecimal("30.00")))
                .expectNoEvents()
                .expectState(captured::set);
        return captured.get();
    }

    private static AggregateTestFixture<CustomerAccount> fixture() {
        AggregateTestFixture<CustomerAccount> fixture = new AggregateTestFixture<>(CustomerAccount.class);
        fixture.registerInjectableResource(BusinessRules.NONE);
        return fixture;
    }
}
