package io.sourced.api.ordering;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.CustomerScoped;
import org.axonframework.serialization.Revision;

import java.util.List;

/** A customer placed an order; each product appears on one line only. */
@Revision("1")
public record OrderPlacedEvent(OrderId orderId, CustomerId customerId, List<OrderLine> lines)
        implements OrderScoped, CustomerScoped {
}
