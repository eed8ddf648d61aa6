package io.sourced.query.log.eventlog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.batching.BatchScope;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code event_log_view} ({@link EventLogRows}): every event of the log, a processor batch's events inserted
 * together. Idempotent by event id, so a redelivered event is indexed once.
 * An event that fills a gap is indexed at its own position (see {@link LogPositions#inferred}); that needs every
 * event handled in log order by one segment, and none left out (errors propagate: see EventLogConfiguration).
 */
@Component
@ProcessingGroup(EventLogProjector.PROCESSING_GROUP)
class EventLogProjector {

    static final String PROCESSING_GROUP = "event-log";

    private final EventLogRows rows;
    private final BatchScope<PlacedEvents> batch;

    EventLogProjector(JdbcTemplate jdbc, ObjectMapper json) {
        this.rows = new EventLogRows(jdbc, json);
        this.batch = BatchScope.of(
                () -> new PlacedEvents(rows.positions(), new ArrayList<>()), placed -> rows.insert(placed.events()));
    }

    /** The events of one processor batch, placed at their log positions. */
    private record PlacedEvents(BatchPositions positions, List<EventLogRows.Placed> events) {}

    @EventHandler
    void on(EventMessage<?> message, TrackingToken token) {
        batch.handle(placed -> placed.positions()
                .place(message.getIdentifier(), token)
                .ifPresent(position -> placed.events().add(new EventLogRows.Placed(position, message))));
    }

    @ResetHandler
    void reset() {
        rows.clear();
    }
}
