package io.sourced.api.eventlog;

import java.time.Instant;
import java.util.List;

/**
 * An aggregate's state after one of its events: the version (the event's sequence number), the event that made it,
 * when and by whom, and every field of the state, those the event changed marked, the removed ones included.
 */
public record StateVersion(long version, String eventType, Instant at, String username, List<StateField> fields) {}
