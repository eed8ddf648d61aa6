package io.sourced.command.finance;

import static io.sourced.api.refusal.Refusal.Kind.*;
import static io.sourced.command.RefusalMatchers.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.finance.AccountOpenedEvent;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.FundsDepositedEvent;
import io.sourced.api.finance.PaymentAuthorizedEvent;
import io.sourced.api.finance.PaymentRefundedEvent;
import io.sourced.api.finance.RefundReturnCommand;
import io.sourced.api.finance.ReturnRefundDeclinedEvent;
import io.sourced.api.finance.ReturnRefundedEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.ReturnId;
import io.sourced.api.rules.BusinessRules;
import java.math.BigDecimal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A return's refund: once, and never more than what is left of the order's payment. */
class CustomerAccountReturnTest {

    private final CustomerId alice = CustomerId.random();
    private final OrderId order = OrderId.random();
    private final ReturnId returnId = ReturnId.random();
    private final ReturnId otherReturn = ReturnId.random();
    private final AccountOpenedEvent opened = new AccountOpenedEvent(alice, "Alice");
    private final FundsDepositedEvent deposited =
            new FundsDepositedEvent(alice, amount("100.00"), amount("100.00"), null);
    private final PaymentAuthorizedEvent paid =
            new PaymentAuthorizedEvent(alice, order, amount("30.00"), amount("70.00"));

    private AggregateTestFixture<CustomerAccount> fixture;

    private static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }

    private ReturnRefundDeclinedEvent declined(String reason) {
        return new ReturnRefundDeclinedEvent(alice, order, returnId, amount("10.00"), reason);
    }

    private ReturnRefundedEvent refunded(ReturnId id, String amount, String balance) {
        return new ReturnRefundedEvent(alice, order, id, amount(amount), amount(balance));
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CustomerAccount.class);
        fixture.registerInjectableResource((CustomerSignIns) (username, password, customerId) -> true);
        fixture.registerInjectableResource(BusinessRules.NONE);
    }

    @Test
    void refundReturn_withinThePayment_givesTheAmountBack() {
        fixture.given(opened, deposited, paid)
                .when(new RefundReturnCommand(alice, order, returnId, amount("10.00")))
                .expectEvents(refunded(returnId, "10.00", "80.00"))
                .expectState(
                        account -> assertThat(account).extracting("balance").isEqualTo(amount("80.00")));
    }

    @Test
    void refundReturn_twice_changesNothing() {
        fixture.given(opened, deposited, paid, refunded(returnId, "10.00", "80.00"))
                .when(new RefundReturnCommand(alice, order, returnId, amount("10.00")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refundReturn_beyondWhatIsLeftOfThePayment_isDeclined() {
        fixture.given(opened, deposited, paid, refunded(otherReturn, "25.00", "95.00"))
                .when(new RefundReturnCommand(alice, order, returnId, amount("10.00")))
                .expectEvents(declined("a refund of 10.00 exceeds the 5.00 of the payment not refunded yet"));
    }

    @Test
    void refundReturn_upToThePayment_isRefunded() {
        fixture.given(opened, deposited, paid, refunded(otherReturn, "20.00", "90.00"))
                .when(new RefundReturnCommand(alice, order, returnId, amount("10.00")))
                .expectEvents(refunded(returnId, "10.00", "100.00"));
    }

    @Test
    void refundReturn_ofAnUnknownPayment_isDeclined() {
        fixture.given(opened, deposited)
                .when(new RefundReturnCommand(alice, order, returnId, amount("10.00")))
                .expectEvents(declined("no payment of order " + order + " is known to the account"));
    }

    @Test
    void refundReturn_ofAPaymentRefundedWhole_isDeclined() {
        fixture.given(
                        opened,
                        deposited,
                        paid,
                        new PaymentRefundedEvent(alice, order, amount("30.00"), amount("100.00")))
                .when(new RefundReturnCommand(alice, order, returnId, amount("10.00")))
                .expectEvents(declined("the payment of order " + order + " was refunded whole"));
    }

    @Test
    void refundReturn_declinedAskedAgain_staysDeclined() {
        fixture.given(opened, deposited, declined("no payment"), paid)
                .when(new RefundReturnCommand(alice, order, returnId, amount("10.00")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refundReturn_invalidAmount_isRefused() {
        fixture.given(opened, deposited, paid)
                .when(new RefundReturnCommand(alice, order, returnId, amount("0.001")))
                .expectNoEvents()
                .expectException(refused(INVALID));
    }
}
