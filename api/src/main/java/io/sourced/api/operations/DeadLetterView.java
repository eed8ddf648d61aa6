package io.sourced.api.operations;

import java.time.Instant;

/** An event a processor parked because a handler failed on it, with the error. */
public record DeadLetterView(
        String processor,
        String sequence,
        String eventId,
        String eventType,
        String aggregateId,
        String error,
        Instant enqueuedAt,
        Instant lastTouched) {}
