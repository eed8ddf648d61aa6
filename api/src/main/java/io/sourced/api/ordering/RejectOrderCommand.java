package io.sourced.api.ordering;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the workflow; a no-op on an order no longer pending. */
public record RejectOrderCommand(@TargetAggregateIdentifier OrderId orderId, RejectionReason reason) {}
