package io.sourced.api.ordering;

import io.sourced.api.finance.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Cancels a pending order. {@code requestedBy} is the customer asking, or null when staff ask:
 * a customer may cancel only their own orders.
 */
public record CancelOrderCommand(@TargetAggregateIdentifier OrderId orderId, CustomerId requestedBy) {}
