package io.sourced.api.eventlog;

/**
 * An aggregate's history, oldest first; ask for a list of {@link TrailEntry}. Whether the asker may see the
 * aggregate is checked before asking.
 */
public record FindAggregateTrailQuery(String aggregateId) {}
