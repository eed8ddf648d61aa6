package io.sourced.api.ordering;

import io.sourced.api.finance.CustomerId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PlaceOrderCommand(
        @TargetAggregateIdentifier OrderId orderId, CustomerId customerId, List<OrderLine> lines) {}
