package io.sourced.api.finance;

import io.sourced.api.ordering.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives an order's payment back; a no-op when the order was not paid or was refunded already. */
public record RefundPaymentCommand(
        @TargetAggregateIdentifier CustomerId customerId, OrderId orderId) {}
