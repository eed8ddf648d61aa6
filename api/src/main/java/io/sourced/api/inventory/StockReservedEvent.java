package io.sourced.api.inventory;

import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderScoped;
import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * Stock set aside for an order, at the price of that moment: {@code quantity} units of the {@code requested}, fewer
 * only when the order accepted a partial reservation (revision 1 reads as every unit asked reserved).
 */
@Revision("2")
public record StockReservedEvent(
        ProductId productId, OrderId orderId, int quantity, BigDecimal unitPrice, int requested)
        implements ProductScoped, OrderScoped {

    /** Every unit asked reserved. */
    public StockReservedEvent(ProductId productId, OrderId orderId, int quantity, BigDecimal unitPrice) {
        this(productId, orderId, quantity, unitPrice, quantity);
    }

    /** The units asked and not reserved: lost for want of stock. */
    public int shortBy() {
        return requested - quantity;
    }
}
