package io.sourced.api.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

public record RegisterProductCommand(@TargetAggregateIdentifier ProductId productId, String name, BigDecimal price,
                                     int initialStock) {
}
