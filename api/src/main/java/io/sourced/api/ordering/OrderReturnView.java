package io.sourced.api.ordering;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One return of an order's units: what it gives back, at which price, and where it stands. */
public record OrderReturnView(
        ReturnId returnId,
        ReturnStatus status,
        List<PricedLine> lines,

        @Schema(description = "What the return refunds: each line's units × the unit price the order paid")
        BigDecimal amount,

        String reason,

        @Schema(nullable = true, description = "Why the return failed; null unless FAILED")
        String failureReason,

        Instant requestedAt,

        @Schema(nullable = true, description = "When it completed or failed; null while REQUESTED")
        Instant endedAt) {

    public OrderReturnView {
        lines = List.copyOf(lines);
    }
}
