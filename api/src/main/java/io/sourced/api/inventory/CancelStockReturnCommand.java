package io.sourced.api.inventory;

import io.sourced.api.ordering.ReturnId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The return failed: its held units are sold again, the customer's; a no-op when the product holds none for it. */
public record CancelStockReturnCommand(
        @TargetAggregateIdentifier ProductId productId, ReturnId returnId) {}
