package io.sourced.api.eventlog;

import java.time.Instant;

/**
 * A page of an aggregate's history: its latest {@code limit} events with a sequence number below {@code before}
 * (null: up to its newest) recorded up to {@code until} (null: whenever), oldest first. Ask for a {@link TrailPage};
 * whether the asker may see the aggregate is checked before asking.
 */
public record FindAggregateTrailQuery(String aggregateId, Long before, Instant until, int limit) {}
