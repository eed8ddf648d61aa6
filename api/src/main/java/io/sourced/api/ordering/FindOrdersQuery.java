package io.sourced.api.ordering;

import io.sourced.api.finance.CustomerId;

/** Orders newest first; a null customer or status matches every one. */
public record FindOrdersQuery(CustomerId customerId, OrderStatus status, int page, int size) {}
