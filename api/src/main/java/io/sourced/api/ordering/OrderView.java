package io.sourced.api.ordering;

import io.sourced.api.finance.CustomerId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * An order as the orders view shows it; unit prices and total are null until the stock is reserved. {@code refunded}
 * is what its completed returns gave back, {@code returns} every return asked, oldest first.
 */
public record OrderView(
        OrderId orderId,
        CustomerId customerId,
        OrderStatus status,
        RejectionReason rejectionReason,
        List<OrderLineView> lines,
        BigDecimal total,
        Instant placedAt,
        Instant completedAt,

        @Schema(description = "Refunded for the units returned; 0 when none were")
        BigDecimal refunded,

        List<OrderReturnView> returns) {

    public OrderView {
        // in cents, as the view's table holds it, so that a fold and a read of the table give equal views
        refunded = (refunded == null ? BigDecimal.ZERO : refunded).setScale(2, RoundingMode.UNNECESSARY);
        returns = returns == null ? List.of() : List.copyOf(returns);
    }

    /** Decided, and no return of it still in its workflow: nothing changes it until a new return is asked. */
    public boolean settled() {
        return status.isTerminal() && returns.stream().noneMatch(r -> r.status() == ReturnStatus.REQUESTED);
    }

    /** An order nothing was returned of. */
    public OrderView(
            OrderId orderId,
            CustomerId customerId,
            OrderStatus status,
            RejectionReason rejectionReason,
            List<OrderLineView> lines,
            BigDecimal total,
            Instant placedAt,
            Instant completedAt) {
        this(
                orderId,
                customerId,
                status,
                rejectionReason,
                lines,
                total,
                placedAt,
                completedAt,
                BigDecimal.ZERO,
                List.of());
    }
}
