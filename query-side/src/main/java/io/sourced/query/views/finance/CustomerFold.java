package io.sourced.query.views.finance;

import io.sourced.api.finance.AccountOpenedEvent;
import io.sourced.api.finance.CustomerView;
import io.sourced.api.finance.DepositReversedEvent;
import io.sourced.api.finance.FundsDepositedEvent;
import io.sourced.api.finance.FundsWithdrawnEvent;
import io.sourced.api.finance.PaymentAuthorizedEvent;
import io.sourced.api.finance.PaymentRefundedEvent;
import io.sourced.api.finance.ReturnRefundedEvent;
import io.sourced.api.finance.TransactionId;
import io.sourced.api.finance.TransactionType;
import io.sourced.api.finance.TransactionView;
import io.sourced.api.idempotency.OperationId;
import io.sourced.api.ordering.OrderId;
import io.sourced.query.AsOf;
import io.sourced.query.Fold;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * How a customer's view and ledger follow the account's events: the one fold behind the live view and the
 * "as of" answers. Balances are taken from the events, never summed here; declined payments move no money.
 */
final class CustomerFold {

    /** What an event that moves money writes to the ledger, before the entry is given its id. */
    private record Entry(
            TransactionType type,
            BigDecimal amount,
            OrderId orderId,
            BigDecimal balanceAfter,
            OperationId operation,
            TransactionId reverses) {}

    /** The ledger entry each event that moves money writes; every entry is made by one event. */
    private static final Fold<Entry> LEDGER = Fold.<Entry>of()
            .startedBy(
                    FundsDepositedEvent.class,
                    (e, at) -> new Entry(TransactionType.DEPOSIT, e.amount(), null, e.balance(), e.operationId(), null))
            .startedBy(
                    FundsWithdrawnEvent.class,
                    (e, at) ->
                            new Entry(TransactionType.WITHDRAWAL, e.amount(), null, e.balance(), e.operationId(), null))
            .startedBy(
                    PaymentAuthorizedEvent.class,
                    (e, at) -> new Entry(TransactionType.PAYMENT, e.amount(), e.orderId(), e.balance(), null, null))
            .startedBy(
                    PaymentRefundedEvent.class,
                    (e, at) -> new Entry(TransactionType.REFUND, e.amount(), e.orderId(), e.balance(), null, null))
            .startedBy(
                    ReturnRefundedEvent.class,
                    (e, at) -> new Entry(TransactionType.REFUND, e.amount(), e.orderId(), e.balance(), null, null))
            .startedBy(
                    DepositReversedEvent.class,
                    (e, at) -> new Entry(
                            TransactionType.REVERSAL, e.amount(), null, e.balance(), null, e.transactionId()));

    private static final Fold<CustomerView> FOLD = Fold.<CustomerView>of()
            .startedBy(
                    AccountOpenedEvent.class,
                    (opened, at) -> new CustomerView(opened.customerId(), opened.name(), BigDecimal.ZERO))
            .on(FundsDepositedEvent.class, CustomerFold::balanced)
            .on(FundsWithdrawnEvent.class, CustomerFold::balanced)
            .on(PaymentAuthorizedEvent.class, CustomerFold::balanced)
            .on(PaymentRefundedEvent.class, CustomerFold::balanced)
            .on(DepositReversedEvent.class, CustomerFold::balanced)
            .on(ReturnRefundedEvent.class, CustomerFold::balanced);

    /** As "as of" reads run it; a change to the fold above takes a new name (see {@link AsOf.Folding}). */
    static final AsOf.Folding<CustomerView> AS_OF =
            new AsOf.Folding<>("customer-view-3", CustomerView.class, CustomerFold::apply);

    private CustomerFold() {}

    static CustomerView apply(CustomerView customer, Object event) {
        return FOLD.apply(customer, event, Instant.EPOCH);
    }

    /**
     * The ledger entry an event writes, if it moves money, with the id the account gives it: the event's operation, or
     * one made from the event's id, so that a rebuild gives it the same.
     */
    static Optional<TransactionView> transaction(Object event, String eventId, Instant at) {
        return Optional.ofNullable(LEDGER.apply(null, event, at))
                .map(entry -> new TransactionView(
                        TransactionId.of(entry.operation(), eventId),
                        entry.type(),
                        entry.amount(),
                        entry.orderId(),
                        entry.balanceAfter(),
                        at,
                        entry.reverses(),
                        false));
    }

    private static CustomerView balanced(CustomerView customer, Object event, Instant at) {
        return new CustomerView(
                customer.customerId(),
                customer.name(),
                LEDGER.apply(null, event, at).balanceAfter());
    }
}
