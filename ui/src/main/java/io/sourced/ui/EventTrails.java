package io.sourced.ui;

import io.sourced.api.eventlog.FindAggregateTrailQuery;
import io.sourced.api.eventlog.FindOrderTraceQuery;
import io.sourced.api.eventlog.TrailEntry;
import io.sourced.api.eventlog.TrailPage;
import io.sourced.api.ordering.OrderId;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The event log's index as pages show it: an order's trace across the aggregates and the workflow, and one
 * aggregate's audit trail a page at a time, its latest events first shown; up to an instant when the page shows the
 * past. Callers check who may see what first.
 */
@Component
class EventTrails {

    private static final Logger log = LoggerFactory.getLogger(EventTrails.class);

    /** How many events a page of an audit trail shows. */
    static final int AUDIT_TRAIL_PAGE = 50;

    private final QueryGateway queries;

    EventTrails(QueryGateway queries) {
        this.queries = queries;
    }

    /** Null when the index cannot be read: the page says so and shows the rest. */
    List<TrailEntry> trace(OrderId orderId, Instant until) {
        return read(new FindOrderTraceQuery(orderId), until);
    }

    /**
     * Puts on the page the aggregate's latest events below sequence number {@code before} (null: its newest) as
     * {@code auditTrail} (null as above), and the {@code before} of the events earlier still as {@code earlierBefore}.
     */
    void showAuditTrail(Model model, Object aggregateId, Instant until, Long before) {
        TrailPage page = read(() -> queries.query(
                        new FindAggregateTrailQuery(String.valueOf(aggregateId), before, until, AUDIT_TRAIL_PAGE),
                        ResponseTypes.instanceOf(TrailPage.class))
                .join());
        model.addAttribute("auditTrail", page == null ? null : page.entries());
        model.addAttribute("earlierBefore", page == null ? null : page.earlierBefore());
        model.addAttribute("trailBefore", before);
    }

    private List<TrailEntry> read(FindOrderTraceQuery query, Instant until) {
        return read(() -> queries.query(query, ResponseTypes.multipleInstancesOf(TrailEntry.class)).join().stream()
                .filter(entry -> until == null || !entry.at().isAfter(until))
                .toList());
    }

    private static <T> T read(Supplier<T> answer) {
        try {
            return answer.get();
        } catch (RuntimeException e) {
            log.warn("Event index unavailable: {}", e.toString());
            return null;
        }
    }
}
