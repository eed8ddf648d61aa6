package io.sourced.api.ordering;

import io.sourced.api.inventory.ProductId;

/** One line of an order as the customer asked for it. */
public record OrderLine(ProductId productId, int quantity) {

    /** The most lines one order may hold, through the API or the shop's form alike. */
    public static final int MAX_PER_ORDER = 500;

    public static final String MAX_PER_ORDER_RULE = "must hold at most " + MAX_PER_ORDER + " lines";
}
