package io.sourced.api.ordering;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/** Sent by the workflow once stock is reserved and payment authorized; a no-op on an order no longer pending. */
public record AcceptOrderCommand(@TargetAggregateIdentifier OrderId orderId, BigDecimal total) {
}
