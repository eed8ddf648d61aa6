package io.sourced.api.inventory;

import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderScoped;
import io.sourced.api.ordering.ReturnId;
import org.axonframework.serialization.Revision;

/**
 * Sold units of the order are back, held (among the reserved units) for the return until it is refunded: they are
 * not available yet, and no longer sold.
 */
@Revision("1")
public record StockReturnedEvent(ProductId productId, OrderId orderId, ReturnId returnId, int quantity)
        implements ProductScoped, OrderScoped {}
