package io.sourced.api.eventlog;

import java.time.Instant;

/** One event of an audit trail or a trace: where in the log, when, which aggregate, what, and who caused it. */
public record TrailEntry(
        long position, Instant at, String aggregateType, String aggregateId, String type, String username) {}
