package io.sourced.query.views.finance;

import io.sourced.api.finance.AccountOpenedEvent;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.CustomerScoped;
import io.sourced.api.finance.CustomerView;
import io.sourced.api.finance.DepositReversedEvent;
import io.sourced.api.finance.FundsDepositedEvent;
import io.sourced.api.finance.FundsWithdrawnEvent;
import io.sourced.api.finance.PaymentAuthorizedEvent;
import io.sourced.api.finance.PaymentRefundedEvent;
import io.sourced.api.finance.ReturnRefundedEvent;
import io.sourced.batching.BatchScope;
import io.sourced.query.FoldedRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code customer_view} and the ledger {@code customer_transaction_view} with {@link CustomerFold}, a processor
 * batch's changes written together; a reversal's entry also marks the deposit it reverses. Each customer row remembers the last account event it applied, so an event
 * delivered again is applied once.
 */
@Component
@ProcessingGroup(CustomerViewProjector.PROCESSING_GROUP)
class CustomerViewProjector {

    static final String PROCESSING_GROUP = "customers-view";

    private final CustomerViewQueries queries;
    private final CustomerViewRows rows;
    private final BatchScope<Changes> batch = BatchScope.of(Changes::new, Changes::write);

    CustomerViewProjector(JdbcTemplate jdbc) {
        this.queries = new CustomerViewQueries(jdbc);
        this.rows = new CustomerViewRows(jdbc);
    }

    @EventHandler
    void on(
            AccountOpenedEvent event,
            @SequenceNumber long sequence,
            @MessageIdentifier String id,
            @Timestamp Instant at) {
        fold(event, sequence, id, at);
    }

    @EventHandler
    void on(
            FundsDepositedEvent event,
            @SequenceNumber long sequence,
            @MessageIdentifier String id,
            @Timestamp Instant at) {
        fold(event, sequence, id, at);
    }

    @EventHandler
    void on(
            FundsWithdrawnEvent event,
            @SequenceNumber long sequence,
            @MessageIdentifier String id,
            @Timestamp Instant at) {
        fold(event, sequence, id, at);
    }

    @EventHandler
    void on(
            PaymentAuthorizedEvent event,
            @SequenceNumber long sequence,
            @MessageIdentifier String id,
            @Timestamp Instant at) {
        fold(event, sequence, id, at);
    }

    @EventHandler
    void on(
            PaymentRefundedEvent event,
            @SequenceNumber long sequence,
            @MessageIdentifier String id,
            @Timestamp Instant at) {
        fold(event, sequence, id, at);
    }

    @EventHandler
    void on(
            DepositReversedEvent event,
            @SequenceNumber long sequence,
            @MessageIdentifier String id,
            @Timestamp Instant at) {
        fold(event, sequence, id, at);
    }

    @EventHandler
    void on(
            ReturnRefundedEvent event,
            @SequenceNumber long sequence,
            @MessageIdentifier String id,
            @Timestamp Instant at) {
        fold(event, sequence, id, at);
    }

    @ResetHandler
    void reset() {
        rows.clear();
    }

    private void fold(CustomerScoped event, long sequence, String eventId, Instant at) {
        batch.handle(changes -> changes.fold(event, sequence, eventId, at));
    }

    /** One processor batch's changes to the customers and their ledgers, written before the batch commits. */
    private final class Changes {

        private final FoldedRows<CustomerId, CustomerView> customers =
                new FoldedRows<>(queries::version, id -> queries.find(id).orElseThrow());
        private final List<CustomerViewRows.LedgerEntry> ledger = new ArrayList<>();

        void fold(CustomerScoped event, long sequence, String eventId, Instant at) {
            CustomerId customerId = event.customerId();
            if (customers.fold(customerId, sequence, current -> CustomerFold.apply(current, event))) {
                CustomerFold.transaction(event, eventId, at)
                        .ifPresent(
                                transaction -> ledger.add(new CustomerViewRows.LedgerEntry(customerId, transaction)));
            }
        }

        void write() {
            rows.save(customers, ledger);
        }
    }
}
