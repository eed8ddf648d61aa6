package io.sourced.timelines.engine;

import java.time.Instant;

/**
 * One event of the period, in log order.
 *
 * @param position its place in the period, from 0
 * @param at       when it was recorded
 * @param eventId  the event's identifier
 * @param payload  the event
 */
record LogEntry(int position, Instant at, String eventId, Object payload) {}
