package io.sourced.timelines.engine;

import java.time.Instant;

/**
 * One event of the period, in log order.
 *
 * @param position its place in the period, from 0
 * @param at       when it was recorded
 * @param eventId  the event's identifier
 * @param payload  the event
 * @param born     whether it is its aggregate's first event (the aggregate had none before the period)
 */
record LogEntry(int position, Instant at, String eventId, Object payload, String aggregateId, boolean born) {

    LogEntry(int position, Instant at, String eventId, Object payload) {
        this(position, at, eventId, payload, null, false);
    }
}
