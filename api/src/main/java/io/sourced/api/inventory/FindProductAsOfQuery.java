package io.sourced.api.inventory;

import java.time.Instant;

/** The product as it was at {@code asOf}, computed from the event log; empty before it existed. */
public record FindProductAsOfQuery(ProductId productId, Instant asOf) {}
