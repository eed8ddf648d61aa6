package io.sourced.api.inventory;

import io.sourced.api.ordering.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Answered by StockReserved or StockReservationRejected; repeating it for the same order changes nothing. */
public record ReserveStockCommand(@TargetAggregateIdentifier ProductId productId, OrderId orderId, int quantity) {}
