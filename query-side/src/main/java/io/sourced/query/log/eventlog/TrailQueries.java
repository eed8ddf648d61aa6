package io.sourced.query.log.eventlog;

import io.sourced.api.eventlog.FindAggregateTrailQuery;
import io.sourced.api.eventlog.FindOrderTraceQuery;
import io.sourced.api.eventlog.TrailEntry;
import io.sourced.api.eventlog.TrailPage;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Audit trails and traces from the event index, for whoever asks over the query bus (the pages). */
@Component
class TrailQueries {

    private final EventIndex index;
    private final int maxLimit;

    TrailQueries(EventIndex index, EventLogSettings settings) {
        this.index = index;
        this.maxLimit = settings.trailMaxLimit();
    }

    /** Ask with {@code ResponseTypes.multipleInstancesOf(TrailEntry.class)}. */
    @QueryHandler
    List<TrailEntry> handle(FindOrderTraceQuery query) {
        return index
                .placementOf(query.orderId().value())
                .filter(placed -> placed.traceId() != null)
                .map(placed -> index.traceOf(query.orderId().value()))
                .orElse(List.of())
                .stream()
                .map(TrailQueries::entry)
                .toList();
    }

    /** Ask with {@code ResponseTypes.instanceOf(TrailPage.class)}; a limit beyond the maximum is held to it. */
    @QueryHandler
    TrailPage handle(FindAggregateTrailQuery query) {
        int limit = Math.max(1, Math.min(query.limit(), maxLimit));
        List<EventIndex.Indexed> page = index.latestOf(query.aggregateId(), query.before(), query.until(), limit + 1);
        boolean earlier = page.size() > limit;
        List<TrailEntry> entries = page.subList(earlier ? 1 : 0, page.size()).stream()
                .map(indexed -> entry(indexed.event()))
                .toList();
        return new TrailPage(entries, earlier ? page.get(1).event().sequence() : null);
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
