package io.sourced.api.inventory;

import io.sourced.api.ordering.ReturnId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The return was refunded: its held units become available; a no-op when the product holds none for it. */
public record ReleaseReturnedStockCommand(
        @TargetAggregateIdentifier ProductId productId, ReturnId returnId) {}
