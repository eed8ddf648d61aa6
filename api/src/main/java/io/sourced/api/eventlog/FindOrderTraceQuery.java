package io.sourced.api.eventlog;

import io.sourced.api.ordering.OrderId;

/**
 * Every event the order caused, across the aggregates and the workflow, in log order; none for an unknown order.
 * Ask for a list of {@link TrailEntry}; whether the asker may see the order is checked before asking.
 */
public record FindOrderTraceQuery(OrderId orderId) {}
