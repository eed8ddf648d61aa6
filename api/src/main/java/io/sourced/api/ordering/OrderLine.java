package io.sourced.api.ordering;

import io.sourced.api.inventory.ProductId;

/** One line of an order as the customer asked for it. */
public record OrderLine(ProductId productId, int quantity) {}
