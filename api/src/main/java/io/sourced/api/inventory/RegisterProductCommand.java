package io.sourced.api.inventory;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code category} is optional: null or blank registers the product as {@value ProductRegisteredEvent#UNCATEGORISED}. */
public record RegisterProductCommand(
        @TargetAggregateIdentifier ProductId productId,
        String name,
        BigDecimal price,
        int initialStock,
        String category) {

    /** A product without a category. */
    public RegisterProductCommand(ProductId productId, String name, BigDecimal price, int initialStock) {
        this(productId, name, price, initialStock, null);
    }
}
