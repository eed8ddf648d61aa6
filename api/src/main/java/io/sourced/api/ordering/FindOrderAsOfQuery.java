package io.sourced.api.ordering;

import java.time.Instant;

/** The order as it was at {@code asOf}, computed from the event log; empty before it existed. */
public record FindOrderAsOfQuery(OrderId orderId, Instant asOf) {}
