package io.sourced.api.ordering;

import java.math.BigDecimal;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the workflow once stock is reserved and payment authorized; a no-op on an order no longer pending.
 * {@code shortfall} holds the units of each line that could not be filled (none unless partial fulfilment applies).
 */
public record AcceptOrderCommand(
        @TargetAggregateIdentifier OrderId orderId, BigDecimal total, List<OrderLine> shortfall) {

    public AcceptOrderCommand {
        shortfall = shortfall == null ? List.of() : List.copyOf(shortfall);
    }

    /** Every line filled whole. */
    public AcceptOrderCommand(OrderId orderId, BigDecimal total) {
        this(orderId, total, List.of());
    }
}
