package io.sourced.api.ordering;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.CustomerScoped;
import org.axonframework.serialization.Revision;

/** The order was cancelled while pending: a terminal status; whatever it held is given back. */
@Revision("1")
public record OrderCancelledEvent(OrderId orderId, CustomerId customerId) implements OrderScoped, CustomerScoped {}
