package io.sourced.api.ordering;

import io.sourced.api.inventory.ProductId;
import java.time.Instant;

/**
 * One event that concerns an order: its type (e.g. {@code StockReservedEvent}), when, who caused it, a
 * sentence saying what happened, and the product it is about, if any.
 */
public record OrderHistoryEntry(String event, Instant at, String username, String description, ProductId productId) {}
