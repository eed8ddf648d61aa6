package io.sourced.api.inventory;

import java.math.BigDecimal;

/** A product's stock; {@code available + reserved + sold} is all stock ever received. */
public record ProductView(ProductId productId, String name, BigDecimal price, int available, int reserved, int sold) {
}
