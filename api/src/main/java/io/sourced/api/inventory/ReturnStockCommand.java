package io.sourced.api.inventory;

import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.ReturnId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Takes sold units of the order back, held for the return until it is refunded; asked again for the same return it
 * changes nothing.
 */
public record ReturnStockCommand(
        @TargetAggregateIdentifier ProductId productId, OrderId orderId, ReturnId returnId, int quantity) {}
