package io.sourced.api.finance;

import io.sourced.api.ordering.OrderId;
import java.math.BigDecimal;
import java.time.Instant;

/** One entry of a customer's ledger; {@code orderId} is null for deposits and withdrawals. */
public record TransactionView(
        TransactionType type, BigDecimal amount, OrderId orderId, BigDecimal balanceAfter, Instant at) {}
