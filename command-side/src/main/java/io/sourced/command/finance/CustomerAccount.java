package io.sourced.command.finance;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonSetter;
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
import io.sourced.api.finance.RefundReturnCommand;
import io.sourced.api.finance.ReturnRefundDeclinedEvent;
import io.sourced.api.finance.ReturnRefundedEvent;
import io.sourced.api.finance.ReverseDepositCommand;
import io.sourced.api.finance.SignIn;
import io.sourced.api.finance.TransactionId;
import io.sourced.api.finance.WithdrawFundsCommand;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.ReturnId;
import io.sourced.api.rules.BusinessRules;
import io.sourced.command.Amounts;
import io.sourced.command.PlainText;
import io.sourced.command.Reasons;
import io.sourced.command.Refused;
import io.sourced.command.idempotency.RecentOperations;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A customer's checking account: {@code balance >= -creditLimit}, where only an order's payment may take it below zero
 * (down to the credit limit of the business rules in force, 0 unless set), and each order is paid at most once and
 * refunded at most once; an order's payment, once answered, is never answered again. Payments are answered by events,
 * never by exceptions: the workflow sends them. A deposit may be reversed once, and only while its money is still in
 * the account: reversals never use the credit limit, which is for orders. A return is refunded once, and the refunds
 * of an order's returns never add up to more than its payment; a refund, like a payment, is answered by an event.
 */
// revision 2 remembers deposits: a snapshot of revision 1 knows none, so it is passed over and the events read instead
@Aggregate(snapshotTriggerDefinition = "customerAccountSnapshotTrigger", cache = "customerAccountCache")
@Revision("2")
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class CustomerAccount {

    @AggregateIdentifier
    private CustomerId customerId;

    private BigDecimal balance = BigDecimal.ZERO;
    /** By order: looked up on every payment command, so not a list to scan. */
    private Map<OrderId, Payment> paymentsByOrder = new LinkedHashMap<>();
    /** Orders whose payment was declined: asked again (a step the workflow retries), the answer stays no. */
    private Set<OrderId> declinedOrders = new HashSet<>();
    /**
     * How many deposits an account remembers for reversal, the newest: docs/architecture.md, "Corrections". A constant,
     * not a setting, as every replica replaying the same events must remember the same deposits.
     */
    static final int DEPOSITS_REMEMBERED = 500;

    /**
     * The latest deposits by the id of their ledger entry, oldest first, reversed ones included so that a second
     * reversal is told apart from an unknown transaction.
     */
    private LinkedHashMap<TransactionId, Deposit> deposits = new LinkedHashMap<>();
    /** Deposits and withdrawals, so that one sent again after an unknown outcome is applied once. */
    private RecentOperations recentOperations = new RecentOperations();
    /** Returns whose refund was declined: asked again (a step the workflow retries), the answer stays no. */
    private Set<ReturnId> declinedReturns = new HashSet<>();

    /**
     * An order's payment: {@code refunded} whole (the order was rejected or cancelled after it), or in part by its
     * returns, {@code returned} being what they gave back (absent from snapshots taken before returns: none).
     */
    record Payment(OrderId orderId, BigDecimal amount, boolean refunded, BigDecimal returned, Set<ReturnId> returns) {

        Payment {
            returned = returned == null ? BigDecimal.ZERO : returned;
            returns = returns == null ? Set.of() : Set.copyOf(returns);
        }

        Payment(OrderId orderId, BigDecimal amount, boolean refunded) {
            this(orderId, amount, refunded, BigDecimal.ZERO, Set.of());
        }

        Payment withReturn(ReturnId returnId, BigDecimal amount) {
            Set<ReturnId> more = new HashSet<>(returns);
            more.add(returnId);
            return new Payment(orderId, this.amount, refunded, returned.add(amount), more);
        }
    }

    record Deposit(BigDecimal amount, boolean reversed) {}

    CustomerAccount() {}

    /** Snapshots taken before payments were kept by order hold them as a list. */
    @JsonSetter("payments")
    private void paymentsOfAnEarlierSnapshot(List<Payment> payments) {
        payments.forEach(payment -> paymentsByOrder.put(payment.orderId(), payment));
    }

    @CommandHandler
    CustomerAccount(OpenAccountCommand command, CustomerSignIns signIns) {
        if (command.name() == null || command.name().isBlank()) {
            throw Refused.invalid("name", "must not be blank");
        }
        PlainText.require("name", command.name());
        BigDecimal initialDeposit = command.initialDeposit();
        boolean deposits = initialDeposit != null && initialDeposit.signum() != 0;
        if (deposits && !Amounts.isValid(initialDeposit)) {
            throw Refused.invalid("initialDeposit", Amounts.RULE);
        }
        SignIn signIn = command.signIn();
        if (signIn != null && !signIns.register(signIn.username(), signIn.password(), command.customerId())) {
            throw Refused.conflict("username", signIn.username() + " is taken");
        }
        apply(new AccountOpenedEvent(command.customerId(), command.name().strip()));
        if (deposits) {
            apply(new FundsDepositedEvent(command.customerId(), initialDeposit, initialDeposit, null));
        }
    }

    @CommandHandler
    void handle(DepositFundsCommand command) {
        requireValid(command.amount());
        if (recentOperations.applied(command.operationId(), depositOf(command.amount()))) {
            return;
        }
        apply(new FundsDepositedEvent(
                customerId, command.amount(), balance.add(command.amount()), command.operationId()));
    }

    @CommandHandler
    void handle(WithdrawFundsCommand command) {
        requireValid(command.amount());
        if (recentOperations.applied(command.operationId(), withdrawalOf(command.amount()))) {
            return;
        }
        if (command.amount().compareTo(balance) > 0) {
            throw Refused.unprocessable("withdrawal of " + command.amount().toPlainString() + " exceeds the balance "
                    + balance.toPlainString());
        }
        apply(new FundsWithdrawnEvent(
                customerId, command.amount(), balance.subtract(command.amount()), command.operationId()));
    }

    @CommandHandler
    void handle(ReverseDepositCommand command) {
        if (command.transactionId() == null) {
            throw Refused.invalid("transactionId", "is required");
        }
        String reason = Reasons.require(command.reason());
        TransactionId transactionId = command.transactionId();
        Deposit deposit = deposits.get(transactionId);
        if (deposit == null) {
            throw Refused.unprocessable("transaction " + transactionId + " is not one of the account's last "
                    + DEPOSITS_REMEMBERED + " deposits");
        }
        if (deposit.reversed()) {
            throw Refused.unprocessable("deposit " + transactionId + " was reversed already");
        }
        if (deposit.amount().compareTo(balance) > 0) {
            throw Refused.unprocessable("the deposit of " + deposit.amount().toPlainString()
                    + " is spent already: the balance is " + balance.toPlainString());
        }
        apply(new DepositReversedEvent(
                customerId, transactionId, deposit.amount(), balance.subtract(deposit.amount()), reason));
    }

    @CommandHandler
    void handle(AuthorizePaymentCommand command, BusinessRules rules) {
        if (paymentFor(command.orderId()).isPresent() || declinedOrders.contains(command.orderId())) {
            return;
        }
        requireValid(command.amount());
        if (!rules.allowsPayment(balance, command.amount())) {
            apply(new PaymentDeclinedEvent(customerId, command.orderId(), command.amount(), balance));
        } else {
            apply(new PaymentAuthorizedEvent(
                    customerId, command.orderId(), command.amount(), balance.subtract(command.amount())));
        }
    }

    @CommandHandler
    void handle(RefundPaymentCommand command) {
        paymentFor(command.orderId())
                .filter(payment -> !payment.refunded())
                .ifPresent(payment -> apply(new PaymentRefundedEvent(
                        customerId, payment.orderId(), payment.amount(), balance.add(payment.amount()))));
    }

    @CommandHandler
    void handle(RefundReturnCommand command) {
        requireValid(command.amount());
        Optional<Payment> payment = paymentFor(command.orderId());
        if (declinedReturns.contains(command.returnId())
                || payment.filter(paid -> paid.returns().contains(command.returnId()))
                        .isPresent()) {
            return;
        }
        String declined = payment.isEmpty()
                ? "no payment of order " + command.orderId() + " is known to the account"
                : whyNot(payment.get(), command.amount());
        if (declined != null) {
            apply(new ReturnRefundDeclinedEvent(
                    customerId, command.orderId(), command.returnId(), command.amount(), declined));
        } else {
            apply(new ReturnRefundedEvent(
                    customerId,
                    command.orderId(),
                    command.returnId(),
                    command.amount(),
                    balance.add(command.amount())));
        }
    }

    /** Why a refund of the payment's returns may not give back {@code amount}; null when it may. */
    private static String whyNot(Payment payment, BigDecimal amount) {
        if (payment.refunded()) {
            return "the payment of order " + payment.orderId() + " was refunded whole";
        }
        BigDecimal left = payment.amount().subtract(payment.returned());
        if (amount.compareTo(left) > 0) {
            return "a refund of " + amount.toPlainString() + " exceeds the " + left.toPlainString()
                    + " of the payment not refunded yet";
        }
        return null;
    }

    private static void requireValid(BigDecimal amount) {
        if (!Amounts.isValid(amount)) {
            throw Refused.invalid("amount", Amounts.RULE);
        }
    }

    private static String depositOf(BigDecimal amount) {
        return "a deposit of " + amount.stripTrailingZeros().toPlainString();
    }

    private static String withdrawalOf(BigDecimal amount) {
        return "a withdrawal of " + amount.stripTrailingZeros().toPlainString();
    }

    private Optional<Payment> paymentFor(OrderId orderId) {
        return Optional.ofNullable(paymentsByOrder.get(orderId));
    }

    @EventSourcingHandler
    void on(AccountOpenedEvent event) {
        customerId = event.customerId();
    }

    @EventSourcingHandler
    void on(FundsDepositedEvent event, @MessageIdentifier String eventId) {
        balance = event.balance();
        recentOperations.remember(event.operationId(), depositOf(event.amount()));
        deposits.put(TransactionId.of(event.operationId(), eventId), new Deposit(event.amount(), false));
        Iterator<TransactionId> oldestFirst = deposits.keySet().iterator();
        while (deposits.size() > DEPOSITS_REMEMBERED) {
            oldestFirst.next();
            oldestFirst.remove();
        }
    }

    @EventSourcingHandler
    void on(DepositReversedEvent event) {
        balance = event.balance();
        deposits.computeIfPresent(event.transactionId(), (id, deposit) -> new Deposit(deposit.amount(), true));
    }

    @EventSourcingHandler
    void on(FundsWithdrawnEvent event) {
        balance = event.balance();
        recentOperations.remember(event.operationId(), withdrawalOf(event.amount()));
    }

    @EventSourcingHandler
    void on(PaymentAuthorizedEvent event) {
        balance = event.balance();
        paymentsByOrder.put(event.orderId(), new Payment(event.orderId(), event.amount(), false));
    }

    @EventSourcingHandler
    void on(PaymentDeclinedEvent event) {
        declinedOrders.add(event.orderId());
    }

    @EventSourcingHandler
    void on(ReturnRefundedEvent event) {
        balance = event.balance();
        paymentsByOrder.computeIfPresent(
                event.orderId(), (orderId, payment) -> payment.withReturn(event.returnId(), event.amount()));
    }

    @EventSourcingHandler
    void on(ReturnRefundDeclinedEvent event) {
        declinedReturns.add(event.returnId());
    }

    @EventSourcingHandler
    void on(PaymentRefundedEvent event) {
        balance = event.balance();
        paymentsByOrder.computeIfPresent(
                event.orderId(),
                (orderId, payment) ->
                        new Payment(orderId, payment.amount(), true, payment.returned(), payment.returns()));
    }
}
