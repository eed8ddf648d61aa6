package io.sourced.api.inventory;

import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderScoped;
import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/** Stock set aside for an order, at the product's price of that moment. */
@Revision("1")
public record StockReservedEvent(ProductId productId, OrderId orderId, int quantity, BigDecimal unitPrice)
        implements ProductScoped, OrderScoped {}
