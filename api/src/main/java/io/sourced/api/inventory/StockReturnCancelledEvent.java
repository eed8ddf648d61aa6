package io.sourced.api.inventory;

import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderScoped;
import io.sourced.api.ordering.ReturnId;
import org.axonframework.serialization.Revision;

/** The return failed: its held units are sold again, as they were before it, and never became available. */
@Revision("1")
public record StockReturnCancelledEvent(ProductId productId, OrderId orderId, ReturnId returnId, int quantity)
        implements ProductScoped, OrderScoped {}
