package io.sourced.command.finance;

import static io.sourced.api.refusal.Refusal.Kind.*;
import static io.sourced.command.RefusalMatchers.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.finance.AccountOpenedEvent;
import io.sourced.api.finance.AuthorizePaymentCommand;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.DepositFundsCommand;
import io.sourced.api.finance.DepositReversedEvent;
import io.sourced.api.finance.FundsDepositedEvent;
import io.sourced.api.finance.FundsWithdrawnEvent;
import io.sourced.api.finance.OpenAccountCommand;
import io.sourced.api.finance.PaymentAuthorizedEvent;
import io.sourced.api.finance.PaymentDeclinedEvent;
import io.sourced.api.finance.PaymentRefundedEvent;
import io.sourced.api.finance.RefundPaymentCommand;
import io.sourced.api.finance.ReverseDepositCommand;
import io.sourced.api.finance.SignIn;
import io.sourced.api.finance.TransactionId;
import io.sourced.api.finance.WithdrawFundsCommand;
import io.sourced.api.idempotency.OperationId;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.rules.BusinessRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustomerAccountTest {

    private final CustomerId alice = CustomerId.random();
    private final OrderId order = OrderId.random();
    private final OperationId operation = OperationId.random();
    private final AccountOpenedEvent opened = new AccountOpenedEvent(alice, "Alice");
    private final FundsDepositedEvent deposited =
            new FundsDepositedEvent(alice, amount("100.00"), amount("100.00"), null);

    private final Map<String, CustomerId> signIns = new HashMap<>();
    private AggregateTestFixture<CustomerAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = withRules(BusinessRules.NONE);
    }

    private AggregateTestFixture<CustomerAccount> withRules(BusinessRules rules) {
        AggregateTestFixture<CustomerAccount> fixture = new AggregateTestFixture<>(CustomerAccount.class);
        fixture.registerInjectableResource((CustomerSignIns)
                (username, password, customerId) -> signIns.putIfAbsent(username, customerId) == null);
        fixture.registerInjectableResource(rules);
        return fixture;
    }

    private static BusinessRules creditLimit(String limit) {
        return new BusinessRules(false, new BigDecimal(limit), null, null, null);
    }

    private TransactionId depositOf(OperationId operation) {
        return TransactionId.of(operation, null);
    }

    private FundsDepositedEvent depositedFifty() {
        return new FundsDepositedEvent(alice, amount("50.00"), amount("150.00"), operation);
    }

    @Test
    void reverseDeposit_unspent_takesItsAmountBackWithTheReason() {
        fixture.given(opened, deposited, depositedFifty())
                .when(new ReverseDepositCommand(alice, depositOf(operation), "  sent to the wrong account "))
                .expectEvents(new DepositReversedEvent(
                        alice, depositOf(operation), amount("50.00"), amount("100.00"), "sent to the wrong account"))
                .expectState(
                        account -> assertThat(account).extracting("balance").isEqualTo(amount("100.00")));
    }

    @Test
    void reverseDeposit_alreadySpent_isRefused() {
        fixture.given(
                        opened,
                        deposited,
                        depositedFifty(),
                        new PaymentAuthorizedEvent(alice, order, amount("120.00"), amount("30.00")))
                .when(new ReverseDepositCommand(alice, depositOf(operation), "mistake"))
                .expectNoEvents()
                .expectException(refused(UNPROCESSABLE));
    }

    @Test
    void reverseDeposit_spentWithinTheCreditLimit_isRefused() {
        withRules(creditLimit("500.00"))
                .given(
                        opened,
                        deposited,
                        depositedFifty(),
                        new PaymentAuthorizedEvent(alice, order, amount("120.00"), amount("30.00")))
                .when(new ReverseDepositCommand(alice, depositOf(operation), "mistake"))
                .expectNoEvents()
                .expectException(refused(UNPROCESSABLE));
    }

    @Test
    void reverseDeposit_twice_isRefused() {
        fixture.given(
                        opened,
                        deposited,
                        depositedFifty(),
                        new DepositReversedEvent(
                                alice, depositOf(operation), amount("50.00"), amount("100.00"), "mistake"))
                .when(new ReverseDepositCommand(alice, depositOf(operation), "mistake"))
                .expectNoEvents()
                .expectException(refused(UNPROCESSABLE));
    }

    @Test
    void reverseDeposit_ofAWithdrawal_isRefusedAsNotADeposit() {
        OperationId withdrawal = OperationId.random();
        fixture.given(opened, deposited, new FundsWithdrawnEvent(alice, amount("10.00"), amount("90.00"), withdrawal))
                .when(new ReverseDepositCommand(alice, depositOf(withdrawal), "mistake"))
                .expectNoEvents()
                .expectException(refused(UNPROCESSABLE));
    }

    @Test
    void reverseDeposit_unknownTransaction_isRefused() {
        fixture.given(opened, deposited)
                .when(new ReverseDepositCommand(alice, depositOf(OperationId.random()), "mistake"))
                .expectNoEvents()
                .expectException(refused(UNPROCESSABLE));
    }

    @Test
    void reverseDeposit_olderThanTheDepositsRemembered_isRefused_andTheNewestIsReversed() {
        List<Object> history = new ArrayList<>(List.of(opened, depositedFifty()));
        OperationId newest = null;
        for (int i = 1; i <= CustomerAccount.DEPOSITS_REMEMBERED; i++) {
            newest = OperationId.random();
            history.add(new FundsDepositedEvent(
                    alice, amount("1.00"), amount("50.00").add(amount(i + ".00")), newest));
        }
        fixture.given(history)
                .when(new ReverseDepositCommand(alice, depositOf(operation), "mistake"))
                .expectNoEvents()
                .expectException(refused(UNPROCESSABLE));
        withRules(BusinessRules.NONE)
                .given(history)
                .when(new ReverseDepositCommand(alice, depositOf(newest), "mistake"))
                .expectEvents(new DepositReversedEvent(
                        alice,
                        depositOf(newest),
                        amount("1.00"),
                        amount("50.00").add(amount(CustomerAccount.DEPOSITS_REMEMBERED - 1 + ".00")),
                        "mistake"))
                .expectState(account -> assertThat(account)
                        .extracting("deposits")
                        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                        .hasSize(CustomerAccount.DEPOSITS_REMEMBERED));
    }

    @Test
    void reverseDeposit_blankOrMissingReason_isRefused() {
        for (String reason : new String[] {null, "", "  ", "bad\u0007"}) {
            withRules(BusinessRules.NONE)
                    .given(opened, deposited, depositedFifty())
                    .when(new ReverseDepositCommand(alice, depositOf(operation), reason))
                    .expectNoEvents()
                    .expectException(refused(INVALID));
        }
    }

    @Test
    void reverseDeposit_unknownCustomer_isNotFound() {
        fixture.givenNoPriorActivity()
                .when(new ReverseDepositCommand(alice, depositOf(operation), "mistake"))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void authorizePayment_afterAReversal_seesTheBalanceItLeft() {
        fixture.given(
                        opened,
                        deposited,
                        depositedFifty(),
                        new DepositReversedEvent(
                                alice, depositOf(operation), amount("50.00"), amount("100.00"), "mistake"))
                .when(new AuthorizePaymentCommand(alice, order, amount("100.01")))
                .expectEvents(new PaymentDeclinedEvent(alice, order, amount("100.01"), amount("100.00")));
    }

    @Test
    void authorizePayment_withinCreditLimit_isAuthorizedBelowZero() {
        withRules(creditLimit("50.00"))
                .given(opened, deposited)
                .when(new AuthorizePaymentCommand(alice, order, amount("150.00")))
                .expectEvents(new PaymentAuthorizedEvent(alice, order, amount("150.00"), amount("-50.00")));
    }

    @Test
    void authorizePayment_beyondCreditLimit_isDeclined() {
        withRules(creditLimit("50.00"))
                .given(opened, deposited)
                .when(new AuthorizePaymentCommand(alice, order, amount("150.01")))
                .expectEvents(new PaymentDeclinedEvent(alice, order, amount("150.01"), amount("100.00")));
    }

    @Test
    void withdrawFunds_belowZeroWithCreditLimit_isRefused() {
        withRules(creditLimit("50.00"))
                .given(opened, deposited)
                .when(new WithdrawFundsCommand(alice, amount("100.01"), OperationId.random()))
                .expectException(refused(UNPROCESSABLE))
                .expectNoEvents();
    }

    @Test
    void refundPayment_belowZero_bringsTheBalanceBack() {
        withRules(creditLimit("50.00"))
                .given(opened, deposited, new PaymentAuthorizedEvent(alice, order, amount("150.00"), amount("-50.00")))
                .when(new RefundPaymentCommand(alice, order))
                .expectEvents(new PaymentRefundedEvent(alice, order, amount("150.00"), amount("100.00")));
    }

    private static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }

    @Test
    void openAccount_withSignIn_opensAndCreatesTheSignIn() {
        fixture.givenNoPriorActivity()
                .when(new OpenAccountCommand(alice, "Alice", null, new SignIn("alice", "secret")))
                .expectEvents(opened);

        assertThat(signIns).containsEntry("alice", alice);
    }

    @Test
    void openAccount_withATakenUsername_isRefusedAndOpensNothing() {
        signIns.put("alice", CustomerId.random());

        fixture.givenNoPriorActivity()
                .when(new OpenAccountCommand(alice, "Alice", amount("10.00"), new SignIn("alice", "secret")))
                .expectNoEvents()
                .expectException(refused(CONFLICT));
    }

    @Test
    void openAccount_withInitialDeposit_opensAndDeposits() {
        fixture.givenNoPriorActivity()
                .when(new OpenAccountCommand(alice, "Alice", amount("100.00")))
                .expectEvents(opened, deposited);
    }

    @Test
    void openAccount_nameWithControlCharacters_isRefused() {
        fixture.givenNoPriorActivity()
                .when(new OpenAccountCommand(CustomerId.random(), "Ann\u0000", null))
                .expectNoEvents()
                .expectException(refused(INVALID));
    }

    @Test
    void openAccount_withoutInitialDeposit_opensOnly() {
        fixture.givenNoPriorActivity()
                .when(new OpenAccountCommand(alice, "Alice", null))
                .expectEvents(opened);
    }

    @Test
    void openAccount_zeroInitialDeposit_opensOnly() {
        fixture.givenNoPriorActivity()
                .when(new OpenAccountCommand(alice, "Alice", amount("0.00")))
                .expectEvents(opened);
    }

    @Test
    void openAccount_blankName_isRefused() {
        fixture.givenNoPriorActivity()
                .when(new OpenAccountCommand(alice, " ", null))
                .expectNoEvents()
                .expectException(refused(INVALID));
    }

    @Test
    void openAccount_negativeInitialDeposit_isRefused() {
        fixture.givenNoPriorActivity()
                .when(new OpenAccountCommand(alice, "Alice", amount("-1")))
                .expectNoEvents()
                .expectException(refused(INVALID));
    }

    @Test
    void depositFunds_validAmount_raisesTheBalance() {
        fixture.given(opened, deposited)
                .when(new DepositFundsCommand(alice, amount("12.5"), operation))
                .expectEvents(new FundsDepositedEvent(alice, amount("12.5"), amount("112.50"), operation));
    }

    @Test
    void depositFunds_sameOperationTwice_appliedOnce() {
        fixture.given(opened, new FundsDepositedEvent(alice, amount("12.5"), amount("12.5"), operation))
                .when(new DepositFundsCommand(alice, amount("12.50"), operation))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectState(
                        account -> assertThat(account).extracting("balance").isEqualTo(amount("12.5")));
    }

    @Test
    void depositFunds_sameOperationAnotherAmount_isRefused() {
        fixture.given(opened, new FundsDepositedEvent(alice, amount("12.5"), amount("12.5"), operation))
                .when(new DepositFundsCommand(alice, amount("13"), operation))
                .expectNoEvents()
                .expectException(refused(UNPROCESSABLE))
                .expectExceptionMessage("operation " + operation + " was a deposit of 12.5, not a deposit of 13");
    }

    @Test
    void depositFunds_operationOfAWithdrawal_isRefused() {
        fixture.given(opened, deposited, new FundsWithdrawnEvent(alice, amount("10"), amount("90.00"), operation))
                .when(new DepositFundsCommand(alice, amount("10"), operation))
                .expectNoEvents()
                .expectException(refused(UNPROCESSABLE));
    }

    @Test
    void withdrawFunds_sameOperationTwice_appliedOnce() {
        fixture.given(opened, deposited, new FundsWithdrawnEvent(alice, amount("30"), amount("70.00"), operation))
                .when(new WithdrawFundsCommand(alice, amount("30"), operation))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectState(
                        account -> assertThat(account).extracting("balance").isEqualTo(amount("70.00")));
    }

    @Test
    void withdrawFunds_sameOperationTwiceOnceTheBalanceIsSpent_appliedOnce() {
        fixture.given(opened, deposited, new FundsWithdrawnEvent(alice, amount("100"), amount("0.00"), operation))
                .when(new WithdrawFundsCommand(alice, amount("100"), operation))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void withdrawFunds_sameOperationAnotherAmount_isRefused() {
        fixture.given(opened, deposited, new FundsWithdrawnEvent(alice, amount("30"), amount("70.00"), operation))
                .when(new WithdrawFundsCommand(alice, amount("31"), operation))
                .expectNoEvents()
                .expectException(refused(UNPROCESSABLE));
    }

    @Test
    void depositFunds_threeDecimals_isRefused() {
        fixture.given(opened)
                .when(new DepositFundsCommand(alice, amount("1.005"), operation))
                .expectNoEvents()
                .expectException(refused(INVALID));
    }

    @Test
    void depositFunds_zero_isRefused() {
        fixture.given(opened)
                .when(new DepositFundsCommand(alice, BigDecimal.ZERO, operation))
                .expectNoEvents()
                .expectException(refused(INVALID));
    }

    @Test
    void depositFunds_unknownCustomer_isNotFound() {
        fixture.givenNoPriorActivity()
                .when(new DepositFundsCommand(alice, amount("10"), operation))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void withdrawFunds_withinBalance_lowersTheBalance() {
        fixture.given(opened, deposited)
                .when(new WithdrawFundsCommand(alice, amount("30.25"), operation))
                .expectEvents(new FundsWithdrawnEvent(alice, amount("30.25"), amount("69.75"), operation));
    }

    @Test
    void withdrawFunds_wholeBalance_leavesZero() {
        fixture.given(opened, deposited)
                .when(new WithdrawFundsCommand(alice, amount("100"), operation))
                .expectEvents(new FundsWithdrawnEvent(alice, amount("100"), amount("0.00"), operation));
    }

    @Test
    void withdrawFunds_beyondBalance_isRefused() {
        fixture.given(opened, deposited)
                .when(new WithdrawFundsCommand(alice, amount("100.01"), operation))
                .expectNoEvents()
                .expectException(refused(UNPROCESSABLE))
                .expectExceptionMessage("withdrawal of 100.01 exceeds the balance 100.00");
    }

    @Test
    void withdrawFunds_negative_isRefused() {
        fixture.given(opened, deposited)
                .when(new WithdrawFundsCommand(alice, amount("-5"), operation))
                .expectNoEvents()
                .expectException(refused(INVALID));
    }

    @Test
    void authorizePayment_withinBalance_isAuthorized() {
        fixture.given(opened, deposited)
                .when(new AuthorizePaymentCommand(alice, order, amount("40.00")))
                .expectEvents(new PaymentAuthorizedEvent(alice, order, amount("40.00"), amount("60.00")));
    }

    @Test
    void authorizePayment_beyondBalance_isDeclined() {
        fixture.given(opened, deposited)
                .when(new AuthorizePaymentCommand(alice, order, amount("100.01")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PaymentDeclinedEvent(alice, order, amount("100.01"), amount("100.00")));
    }

    @Test
    void authorizePayment_twiceForOneOrder_paysOnce() {
        fixture.given(opened, deposited, new PaymentAuthorizedEvent(alice, order, amount("40.00"), amount("60.00")))
                .when(new AuthorizePaymentCommand(alice, order, amount("40.00")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void authorizePayment_afterRefund_paysNothingMore() {
        fixture.given(
                        opened,
                        deposited,
                        new PaymentAuthorizedEvent(alice, order, amount("40.00"), amount("60.00")),
                        new PaymentRefundedEvent(alice, order, amount("40.00"), amount("100.00")))
                .when(new AuthorizePaymentCommand(alice, order, amount("40.00")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void authorizePayment_askedAgainAfterDeclineAndDeposit_staysDeclined() {
        fixture.given(opened, new PaymentDeclinedEvent(alice, order, amount("40.00"), BigDecimal.ZERO), deposited)
                .when(new AuthorizePaymentCommand(alice, order, amount("40.00")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void authorizePayment_zeroAmount_isRefused() {
        fixture.given(opened, deposited)
                .when(new AuthorizePaymentCommand(alice, order, BigDecimal.ZERO))
                .expectNoEvents()
                .expectException(refused(INVALID));
    }

    @Test
    void refundPayment_paid_isRefunded() {
        fixture.given(opened, deposited, new PaymentAuthorizedEvent(alice, order, amount("40.00"), amount("60.00")))
                .when(new RefundPaymentCommand(alice, order))
                .expectEvents(new PaymentRefundedEvent(alice, order, amount("40.00"), amount("100.00")));
    }

    @Test
    void refundPayment_notPaid_changesNothing() {
        fixture.given(opened, deposited)
                .when(new RefundPaymentCommand(alice, order))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refundPayment_declined_changesNothing() {
        fixture.given(opened, new PaymentDeclinedEvent(alice, order, amount("40.00"), BigDecimal.ZERO))
                .when(new RefundPaymentCommand(alice, order))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refundPayment_twice_refundsOnce() {
        fixture.given(
                        opened,
                        deposited,
                        new PaymentAuthorizedEvent(alice, order, amount("40.00"), amount("60.00")),
                        new PaymentRefundedEvent(alice, order, amount("40.00"), amount("100.00")))
                .when(new RefundPaymentCommand(alice, order))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
