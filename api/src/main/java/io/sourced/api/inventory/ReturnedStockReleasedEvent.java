package io.sourced.api.inventory;

import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderScoped;
import io.sourced.api.ordering.ReturnId;
import org.axonframework.serialization.Revision;

/** The return's held units are available again: the return was refunded. */
@Revision("1")
public record ReturnedStockReleasedEvent(ProductId productId, OrderId orderId, ReturnId returnId, int quantity)
        implements ProductScoped, OrderScoped {}
