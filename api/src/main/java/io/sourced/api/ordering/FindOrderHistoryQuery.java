package io.sourced.api.ordering;

/** Everything that happened to an order, across the aggregates and the workflow, oldest first. */
public record FindOrderHistoryQuery(OrderId orderId) {}
