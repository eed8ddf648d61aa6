package io.sourced.query.finance;

import io.sourced.api.finance.AccountOpenedEvent;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.CustomerView;
import io.sourced.api.finance.FundsDepositedEvent;
import io.sourced.api.finance.FundsWithdrawnEvent;
import io.sourced.api.finance.PaymentAuthorizedEvent;
import io.sourced.api.finance.PaymentRefundedEvent;
import io.sourced.api.finance.TransactionView;
import io.sourced.query.SqlTime;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * Keeps {@code customer_view} and the ledger {@code customer_transaction_view} with {@link CustomerFold}. Each
 * customer row remembers the last account event it applied, so an event delivered again is applied once.
 */
@Component
@ProcessingGroup(CustomerViewProjector.PROCESSING_GROUP)
class CustomerViewProjector {

    static final String PROCESSING_GROUP = "customers-view";

    private final JdbcTemplate jdbc;
    private final CustomerViewQueries rows;

    CustomerViewProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.rows = new CustomerViewQueries(jdbc);
    }

    @EventHandler
    void on(AccountOpenedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        fold(event.customerId(), event, sequence, at);
    }

    @EventHandler
    void on(FundsDepositedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        fold(event.customerId(), event, sequence, at);
    }

    @EventHandler
    void on(FundsWithdrawnEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        fold(event.customerId(), event, sequence, at);
    }

    @EventHandler
    void on(PaymentAuthorizedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        fold(event.customerId(), event, sequence, at);
    }

    @EventHandler
    void on(PaymentRefundedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        fold(event.customerId(), event, sequence, at);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM customer_transaction_view");
        jdbc.update("DELETE FROM customer_view");
    }

    private void fold(CustomerId customerId, Object event, long sequence, Instant at) {
        Long version = rows.version(customerId);
        if (version != null && version >= sequence) {
            return;
        }
        CustomerView current = version == null ? null : rows.find(customerId).orElseThrow();
        CustomerView next = CustomerFold.apply(current, event);
        if (next == null) {
            return;
        }
        if (current == null) {
            jdbc.update("INSERT INTO customer_view (customer_id, name, balance, version) VALUES (?, ?, ?, ?)",
                    customerId.value(), next.name(), next.balance(), sequence);
        } else {
            jdbc.update("UPDATE customer_view SET name = ?, balance = ?, version = ? WHERE customer_id = ?",
                    next.name(), next.balance(), sequence, customerId.value());
        }
        Optional<TransactionView> entry = CustomerFold.transaction(event, at);
        entry.ifPresent(t -> jdbc.update("""
                INSERT INTO customer_transaction_view (customer_id, type, amount, order_id, balance_after, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?)""", customerId.value(), t.type().name(), t.amount(),
                t.orderId() == null ? null : t.orderId().value(), t.balanceAfter(), SqlTime.of(t.at())));
    }
}
