package io.sourced.api.inventory;

import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderScoped;
import org.axonframework.serialization.Revision;

/** Not enough stock for an order: {@code requested} units were asked, {@code available} were there. */
@Revision("1")
public record StockReservationRejectedEvent(ProductId productId, OrderId orderId, int requested, int available)
        implements ProductScoped, OrderScoped {}
