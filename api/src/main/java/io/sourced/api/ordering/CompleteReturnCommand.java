package io.sourced.api.ordering;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the returns workflow once the units are back in stock and refunded; a no-op for a return not pending. */
public record CompleteReturnCommand(
        @TargetAggregateIdentifier OrderId orderId, ReturnId returnId) {}
