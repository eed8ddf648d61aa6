package io.sourced.api.ordering;

import java.math.BigDecimal;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the workflow once stock is reserved and payment authorized; a no-op on an order no longer pending.
 * {@code shortfall} holds the units of each line that could not be filled (none unless partial fulfilment applies);
 * {@code lines} the units each line got, at the price paid for each.
 */
public record AcceptOrderCommand(
        @TargetAggregateIdentifier OrderId orderId,
        BigDecimal total,
        List<OrderLine> shortfall,
        List<PricedLine> lines) {

    public AcceptOrderCommand {
        shortfall = shortfall == null ? List.of() : List.copyOf(shortfall);
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** Without the prices of its lines. */
    public AcceptOrderCommand(OrderId orderId, BigDecimal total, List<OrderLine> shortfall) {
        this(orderId, total, shortfall, List.of());
    }

    /** Every line filled whole, without the prices of its lines. */
    public AcceptOrderCommand(OrderId orderId, BigDecimal total) {
        this(orderId, total, List.of(), List.of());
    }
}
