package io.sourced.api.inventory;

import io.sourced.api.ordering.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Answered by StockReserved or StockReservationRejected; repeating it for the same order changes nothing. With
 * {@code partialAccepted} the product reserves what it has when it has fewer units than asked, and refuses only when it
 * has none.
 */
public record ReserveStockCommand(
        @TargetAggregateIdentifier ProductId productId, OrderId orderId, int quantity, boolean partialAccepted) {

    /** A reservation of every unit asked, or none. */
    public ReserveStockCommand(ProductId productId, OrderId orderId, int quantity) {
        this(productId, orderId, quantity, false);
    }
}
