package io.sourced.api.inventory;

import io.sourced.api.ordering.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives the order's reservation back to the available stock; a no-op when the order holds none. */
public record ReleaseStockCommand(@TargetAggregateIdentifier ProductId productId, OrderId orderId) {}
