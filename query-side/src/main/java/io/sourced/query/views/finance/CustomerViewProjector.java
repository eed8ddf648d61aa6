package io.sourced.query.views.finance;

import io.sourced.api.finance.AccountOpenedEvent;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.CustomerScoped;
import io.sourced.api.finance.CustomerView;
import io.sourced.api.finance.FundsDepositedEvent;
import io.sourced.api.finance.FundsWithdrawnEvent;
import io.sourced.api.finance.PaymentAuthorizedEvent;
import io.sourced.api.finance.PaymentRefundedEvent;
import io.sourced.query.BatchInserts;
import io.sourced.query.BatchScope;
import io.sourced.query.FoldedRows;
import io.sourced.query.SqlTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code customer_view} and the ledger {@code customer_transaction_view} with {@link CustomerFold}, a processor
 * batch's changes written together. Each customer row remembers the last account event it applied, so an event
 * delivered again is applied once.
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
        fold(event, sequence, at);
    }

    @EventHandler
    void on(FundsDepositedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        fold(event, sequence, at);
    }

    @EventHandler
    void on(FundsWithdrawnEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        fold(event, sequence, at);
    }

    @EventHandler
    void on(PaymentAuthorizedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        fold(event, sequence, at);
    }

    @EventHandler
    void on(PaymentRefundedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        fold(event, sequence, at);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM customer_transaction_view");
        jdbc.update("DELETE FROM customer_view");
    }

    private void fold(CustomerScoped event, long sequence, Instant at) {
        BatchScope.within(this, Changes::new, Changes::write, changes -> changes.fold(event, sequence, at));
    }

    /** One processor batch's changes to the customers and their ledgers, written before the batch commits. */
    private final class Changes {

        private final FoldedRows<CustomerId, CustomerView> customers =
                new FoldedRows<>(rows::version, id -> rows.find(id).orElseThrow());
        private final BatchInserts ledger = new BatchInserts();

        void fold(CustomerScoped event, long sequence, Instant at) {
            CustomerId customerId = event.customerId();
            if (!customers.fold(customerId, sequence, current -> CustomerFold.apply(current, event))) {
                return;
            }
            CustomerFold.transaction(event, at)
                    .ifPresent(t -> ledger.add(
                            """
                    INSERT INTO customer_transaction_view (customer_id, type, amount, order_id, balance_after,
                        occurred_at)
                    VALUES (?, ?, ?, ?, ?, ?)""",
                            customerId.value(),
                            t.type().name(),
                            t.amount(),
                            t.orderId() == null ? null : t.orderId().value(),
                            t.balanceAfter(),
                            SqlTime.of(t.at())));
        }

        void write() {
            List<Object[]> inserts = new ArrayList<>();
            List<Object[]> updates = new ArrayList<>();
            customers.changed().forEach((customerId, changed) -> {
                CustomerView view = changed.row();
                if (changed.stored()) {
                    updates.add(new Object[] {view.name(), view.balance(), changed.version(), customerId.value()});
                } else {
                    inserts.add(new Object[] {customerId.value(), view.name(), view.balance(), changed.version()});
                }
            });
            jdbc.batchUpdate(
                    "INSERT INTO customer_view (customer_id, name, balance, version) VALUES (?, ?, ?, ?)", inserts);
            jdbc.batchUpdate(
                    "UPDATE customer_view SET name = ?, balance = ?, version = ? WHERE customer_id = ?", updates);
            ledger.write(jdbc);
        }
    }
}
