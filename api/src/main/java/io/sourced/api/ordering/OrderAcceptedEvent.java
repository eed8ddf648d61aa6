package io.sourced.api.ordering;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.CustomerScoped;
import io.sourced.api.inventory.ProductId;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The order is paid and its stock is the customer's: a terminal status. {@code total} is what was paid for the units
 * filled; {@code shortfall} the units of each line not filled, lost for want of stock (empty when every line was
 * filled whole, as at revision 1); {@code lines} the units each line got at the price paid for each, what a return
 * may give back (empty for an order accepted before revision 3, whose prices the order does not know).
 */
@Revision("3")
public record OrderAcceptedEvent(
        OrderId orderId, CustomerId customerId, BigDecimal total, List<OrderLine> shortfall, List<PricedLine> lines)
        implements OrderScoped, CustomerScoped {

    public OrderAcceptedEvent {
        shortfall = shortfall == null ? List.of() : List.copyOf(shortfall);
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** Accepted without the prices of its lines, as before revision 3. */
    public OrderAcceptedEvent(OrderId orderId, CustomerId customerId, BigDecimal total, List<OrderLine> shortfall) {
        this(orderId, customerId, total, shortfall, List.of());
    }

    /** Every line filled whole, without the prices of its lines. */
    public OrderAcceptedEvent(OrderId orderId, CustomerId customerId, BigDecimal total) {
        this(orderId, customerId, total, List.of(), List.of());
    }

    /** The units of the product not filled: 0 for a line filled whole. */
    public int shortfallOf(ProductId productId) {
        return shortfall.stream()
                .filter(line -> line.productId().equals(productId))
                .mapToInt(OrderLine::quantity)
                .sum();
    }
}
