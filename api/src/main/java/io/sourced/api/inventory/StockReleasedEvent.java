package io.sourced.api.inventory;

import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderScoped;
import org.axonframework.serialization.Revision;

/** An order's reserved units are available again. */
@Revision("1")
public record StockReleasedEvent(ProductId productId, OrderId orderId, int quantity)
        implements ProductScoped, OrderScoped {}
