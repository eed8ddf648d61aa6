package io.sourced.api.eventlog;

/**
 * An aggregate's states after its events whose sequence number follows {@code after}, at most {@code limit}, oldest
 * first. Ask for a {@link StatePage}; whether the asker may see the aggregate is checked before asking.
 */
public record FindAggregateStatesQuery(String aggregateId, long after, int limit) {}
