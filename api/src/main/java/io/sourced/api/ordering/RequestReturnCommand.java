package io.sourced.api.ordering;

import io.sourced.api.finance.CustomerId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to return units of an accepted order, with the reason. {@code requestedBy} is the customer asking, or null when
 * staff ask: a customer may return only their own order's units. The same {@code returnId} asked again answers the
 * first request.
 */
public record RequestReturnCommand(
        @TargetAggregateIdentifier OrderId orderId,
        ReturnId returnId,
        List<OrderLine> lines,
        String reason,
        CustomerId requestedBy) {}
