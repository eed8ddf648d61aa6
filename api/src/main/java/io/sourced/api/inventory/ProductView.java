package io.sourced.api.inventory;

import java.math.BigDecimal;

/**
 * A product's stock; {@code available + reserved + sold} is all stock ever received. {@code category} is the
 * shop's aisle, {@value ProductRegisteredEvent#UNCATEGORISED} when none was given.
 */
public record ProductView(
        ProductId productId, String name, BigDecimal price, int available, int reserved, int sold, String category) {}
