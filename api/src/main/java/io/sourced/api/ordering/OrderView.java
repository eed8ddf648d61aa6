package io.sourced.api.ordering;

import io.sourced.api.finance.CustomerId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as the orders view shows it; unit prices and total are null until the stock is reserved. */
public record OrderView(
        OrderId orderId,
        CustomerId customerId,
        OrderStatus status,
        RejectionReason rejectionReason,
        List<OrderLineView> lines,
        BigDecimal total,
        Instant placedAt,
        Instant completedAt) {}
