package io.sourced.api.ordering;

import io.sourced.api.finance.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

public record PlaceOrderCommand(@TargetAggregateIdentifier OrderId orderId, CustomerId customerId, List<OrderLine> lines) {
}
