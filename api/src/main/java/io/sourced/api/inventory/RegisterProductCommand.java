package io.sourced.api.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/** {@code category} is optional: null or blank registers the product as {@value ProductRegisteredEvent#UNCATEGORISED}. */
public record RegisterProductCommand(@TargetAggregateIdentifier ProductId productId, String name, BigDecimal price,
                                     int initialStock, String category) {

    /** A product without a category. */
    public RegisterProductCommand(ProductId productId, String name, BigDecimal price, int initialStock) {
        this(productId, name, price, initialStock, null);
    }
}
