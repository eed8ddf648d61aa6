package io.sourced.api.timelines;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A timeline: what was asked, how far it got and, once {@code DONE}, the log's outcome over the period ("actual")
 * beside the timeline's ("whatIf"), per product and per day (UTC, by the log's time), and the orders that ended
 * otherwise. The figures are null until it is done.
 */
public record TimelineView(
        String id,
        String name,
        TimelineStatus status,
        @Schema(description = "0 to 1") double progress,
        TimelineRules rules,
        Instant from,
        Instant to,
        Instant createdAt,

        @Schema(nullable = true, description = "why it failed, when FAILED")
        String failure,

        @Schema(nullable = true) Outcome actual,
        @Schema(nullable = true) Outcome whatIf,
        @Schema(nullable = true) List<ProductFigures> byProduct,
        @Schema(nullable = true) List<DayFigures> byDay,

        @Schema(nullable = true, description = "how many orders placed in the period ended otherwise")
        Long ordersChanged,

        @Schema(nullable = true, description = "the first 100 of them")
        List<OrderChange> changedOrders,

        @Schema(nullable = true, description = "the period's events read from the log")
        Long eventsRead,

        @Schema(nullable = true, description = "intents the timeline refused (a withdrawal beyond its balance, ...)")
        Long intentsRefused) {}
