package io.sourced.query.views.finance;

import io.sourced.api.finance.AccountOpenedEvent;
import io.sourced.api.finance.CustomerView;
import io.sourced.api.finance.FundsDepositedEvent;
import io.sourced.api.finance.FundsWithdrawnEvent;
import io.sourced.api.finance.PaymentAuthorizedEvent;
import io.sourced.api.finance.PaymentRefundedEvent;
import io.sourced.api.finance.TransactionType;
import io.sourced.api.finance.TransactionView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * How a customer's view and ledger follow the account's events: the one fold behind the live view and the
 * "as of" answers. Balances are taken from the events, never summed here; declined payments move no money.
 */
final class CustomerFold {

    private CustomerFold() {}

    static CustomerView apply(CustomerView customer, Object event) {
        if (event instanceof AccountOpenedEvent opened) {
            return customer != null ? customer : new CustomerView(opened.customerId(), opened.name(), BigDecimal.ZERO);
        }
        if (customer == null) {
            return null;
        }
        return transaction(event, Instant.EPOCH)
                .map(entry -> new CustomerView(customer.customerId(), customer.name(), entry.balanceAfter()))
                .orElse(customer);
    }

    /** The ledger entry an event writes, if it moves money. */
    static Optional<TransactionView> transaction(Object event, Instant at) {
        if (event instanceof FundsDepositedEvent e) {
            return Optional.of(new TransactionView(TransactionType.DEPOSIT, e.amount(), null, e.balance(), at));
        }
        if (event instanceof FundsWithdrawnEvent e) {
            return Optional.of(new TransactionView(TransactionType.WITHDRAWAL, e.amount(), null, e.balance(), at));
        }
        if (event instanceof PaymentAuthorizedEvent e) {
            return Optional.of(new TransactionView(TransactionType.PAYMENT, e.amount(), e.orderId(), e.balance(), at));
        }
        if (event instanceof PaymentRefundedEvent e) {
            return Optional.of(new TransactionView(TransactionType.REFUND, e.amount(), e.orderId(), e.balance(), at));
        }
        return Optional.empty();
    }
}
