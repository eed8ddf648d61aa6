package io.sourced.api.ordering;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the workflow once stock is reserved and payment authorized; a no-op on an order no longer pending. */
public record AcceptOrderCommand(@TargetAggregateIdentifier OrderId orderId, BigDecimal total) {}
