package io.sourced.api.timelines;

/**
 * An order whose end differs in the timeline from the log's, each end as {@code ACCEPTED}, {@code REJECTED:<reason>},
 * {@code CANCELLED} or {@code PENDING} (not decided by the period's end).
 */
public record OrderChange(String orderId, String actual, String whatIf) {}
