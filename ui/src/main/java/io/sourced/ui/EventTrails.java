package io.sourced.ui;

import io.sourced.api.eventlog.FindAggregateTrailQuery;
import io.sourced.api.eventlog.FindOrderTraceQuery;
import io.sourced.api.eventlog.TrailEntry;
import io.sourced.api.ordering.OrderId;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The event log's index as pages show it: an order's trace across the aggregates and the workflow, and one
 * aggregate's audit trail; up to an instant when the page shows the past. Callers check who may see what first.
 */
@Component
class EventTrails {

    private static final Logger log = LoggerFactory.getLogger(EventTrails.class);

    private final QueryGateway queries;

    EventTrails(QueryGateway queries) {
        this.queries = queries;
    }

    /** Null when the index cannot be read: the page says so and shows the rest. */
    List<TrailEntry> trace(OrderId orderId, Instant until) {
        return read(new FindOrderTraceQuery(orderId), until);
    }

    List<TrailEntry> auditTrail(Object aggregateId, Instant until) {
        return read(new FindAggregateTrailQuery(String.valueOf(aggregateId)), until);
    }

    private List<TrailEntry> read(Object query, Instant until) {
        try {
            return queries.query(query, ResponseTypes.multipleInstancesOf(TrailEntry.class)).join().stream()
                    .filter(entry -> until == null || !entry.at().isAfter(until))
                    .toList();
        } catch (RuntimeException e) {
            log.warn("Event index unavailable: {}", e.toString());
            return null;
        }
    }
}
