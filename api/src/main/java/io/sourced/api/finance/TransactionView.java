package io.sourced.api.finance;

import io.sourced.api.ordering.OrderId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One entry of a customer's ledger; {@code orderId} is null for deposits, withdrawals and reversals. A
 * {@code REVERSAL} names the deposit it {@code reverses}; a deposit reversed since is {@code reversed}.
 */
public record TransactionView(
        @Schema(
                nullable = true,
                description = "Null for entries recorded before ledger entries had ids, until the views are rebuilt")
        TransactionId transactionId,

        TransactionType type,
        BigDecimal amount,

        @Schema(nullable = true) OrderId orderId,

        BigDecimal balanceAfter,
        Instant at,

        @Schema(nullable = true, description = "The deposit a REVERSAL takes back; null for every other type")
        TransactionId reverses,

        @Schema(description = "A DEPOSIT reversed since") boolean reversed) {}
