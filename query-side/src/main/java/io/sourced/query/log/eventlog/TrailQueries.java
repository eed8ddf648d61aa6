package io.sourced.query.log.eventlog;

import io.sourced.api.eventlog.FindAggregateTrailQuery;
import io.sourced.api.eventlog.FindOrderTraceQuery;
import io.sourced.api.eventlog.TrailEntry;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Audit trails and traces from the event index, for whoever asks over the query bus (the pages). */
@Component
class TrailQueries {

    private final EventIndex index;

    TrailQueries(EventIndex index) {
        this.index = index;
    }

    /** Ask with {@code ResponseTypes.multipleInstancesOf(TrailEntry.class)}. */
    @QueryHandler
    List<TrailEntry> handle(FindOrderTraceQuery query) {
        return index
                .placementOf(query.orderId().value())
                .filter(placed -> placed.traceId() != null)
                .map(placed -> index.traced(placed.traceId()))
                .orElse(List.of())
                .stream()
                .map(TrailQueries::entry)
                .toList();
    }

    /** Ask with {@code ResponseTypes.multipleInstancesOf(TrailEntry.class)}. */
    @QueryHandler
    List<TrailEntry> handle(FindAggregateTrailQuery query) {
        return index.ofAggregate(query.aggregateId()).stream()
                .map(indexed -> entry(indexed.event()))
                .toList();
    }

    private static TrailEntry entry(Event event) {
        String username = event.metadata() == null || !event.metadata().hasNonNull("username")
                ? null
                : event.metadata().get("username").asText();
        return new TrailEntry(
                event.position(),
                event.timestamp(),
                event.aggregateType(),
                event.aggregateId(),
                event.type(),
                username);
    }
}
