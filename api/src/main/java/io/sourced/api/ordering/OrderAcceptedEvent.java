package io.sourced.api.ordering;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.CustomerScoped;
import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/** The order is paid and its stock is the customer's: a terminal status. */
@Revision("1")
public record OrderAcceptedEvent(OrderId orderId, CustomerId customerId, BigDecimal total)
        implements OrderScoped, CustomerScoped {}
