package io.sourced.api.inventory;

import io.sourced.api.ordering.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Turns the order's reservation into a sale; a no-op when the order holds no reservation. */
public record ConfirmReservationCommand(
        @TargetAggregateIdentifier ProductId productId, OrderId orderId) {}
