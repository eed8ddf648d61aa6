package io.sourced.query.finance;

import io.sourced.api.finance.AccountOpenedEvent;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.FundsDepositedEvent;
import io.sourced.api.finance.FundsWithdrawnEvent;
import io.sourced.api.finance.PaymentAuthorizedEvent;
import io.sourced.api.finance.PaymentRefundedEvent;
import io.sourced.api.finance.TransactionType;
import io.sourced.api.ordering.OrderId;
import io.sourced.query.SqlTime;
import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code customer_view} and the ledger {@code customer_transaction_view}. Balances are taken from the events,
 * never summed here. Declined payments move no money, so they change nothing.
 */
@Component
@ProcessingGroup(CustomerViewProjector.PROCESSING_GROUP)
class CustomerViewProjector {

    static final String PROCESSING_GROUP = "customers-view";

    private final JdbcTemplate jdbc;

    CustomerViewProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountOpenedEvent event) {
        String customerId = event.customerId().value();
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM customer_view WHERE customer_id = ?",
                Integer.class, customerId);
        if (known != null && known > 0) {
            return;
        }
        jdbc.update("INSERT INTO customer_view (customer_id, name, balance) VALUES (?, ?, ?)", customerId,
                event.name(), BigDecimal.ZERO);
    }

    @EventHandler
    void on(FundsDepositedEvent event, @Timestamp Instant at) {
        record(event.customerId(), TransactionType.DEPOSIT, event.amount(), null, event.balance(), at);
    }

    @EventHandler
    void on(FundsWithdrawnEvent event, @Timestamp Instant at) {
        record(event.customerId(), TransactionType.WITHDRAWAL, event.amount(), null, event.balance(), at);
    }

    @EventHandler
    void on(PaymentAuthorizedEvent event, @Timestamp Instant at) {
        record(event.customerId(), TransactionType.PAYMENT, event.amount(), event.orderId(), event.balance(), at);
    }

    @EventHandler
    void on(PaymentRefundedEvent event, @Timestamp Instant at) {
        record(event.customerId(), TransactionType.REFUND, event.amount(), event.orderId(), event.balance(), at);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM customer_transaction_view");
        jdbc.update("DELETE FROM customer_view");
    }

    private void record(CustomerId customerId, TransactionType type, BigDecimal amount, OrderId orderId,
                        BigDecimal balance, Instant at) {
        jdbc.update("UPDATE customer_view SET balance = ? WHERE customer_id = ?", balance, customerId.value());
        jdbc.update("""
                INSERT INTO customer_transaction_view (customer_id, type, amount, order_id, balance_after, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, customerId.value(), type.name(), amount, orderId == null ? null : orderId.value(), balance,
                SqlTime.of(at));
    }
}
