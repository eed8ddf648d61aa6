package io.sourced.api.ordering;

public record FindOrderQuery(OrderId orderId) {}
