package io.sourced.api.ordering;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.CustomerScoped;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A customer placed an order; each product appears on one line only. */
@Revision("1")
public record OrderPlacedEvent(OrderId orderId, CustomerId customerId, List<OrderLine> lines)
        implements OrderScoped, CustomerScoped {}
