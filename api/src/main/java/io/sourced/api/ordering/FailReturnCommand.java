package io.sourced.api.ordering;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the returns workflow when a return cannot complete, with why; a no-op for a return not pending. */
public record FailReturnCommand(@TargetAggregateIdentifier OrderId orderId, ReturnId returnId, String reason) {}
