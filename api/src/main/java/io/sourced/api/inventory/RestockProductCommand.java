package io.sourced.api.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RestockProductCommand(
        @TargetAggregateIdentifier ProductId productId, int quantity) {}
