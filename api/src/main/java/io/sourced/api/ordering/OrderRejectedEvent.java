package io.sourced.api.ordering;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.CustomerScoped;
import org.axonframework.serialization.Revision;

/** The workflow gave the order up: a terminal status; whatever it held is given back. */
@Revision("1")
public record OrderRejectedEvent(OrderId orderId, CustomerId customerId, RejectionReason reason)
        implements OrderScoped, CustomerScoped {}
