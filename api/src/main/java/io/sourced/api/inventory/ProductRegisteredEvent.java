package io.sourced.api.inventory;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

@Revision("1")
public record ProductRegisteredEvent(ProductId productId, String name, BigDecimal price, int initialStock) {
}
