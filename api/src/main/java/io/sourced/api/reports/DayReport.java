package io.sourced.api.reports;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The order funnel of one day (UTC); a day without order events has no row. */
@Schema(
        description = "The orders of one day (UTC): placed by the day they were placed; accepted, rejected and "
                + "cancelled by the day that outcome happened. A day without order events has no row.")
public record DayReport(
        @Schema(description = "The UTC date") LocalDate day,
        @Schema(description = "Orders placed that day") int placed,
        @Schema(description = "Orders accepted that day") int accepted,

        @Schema(description = "Orders rejected that day because a line was out of stock")
        int rejectedOutOfStock,

        @Schema(description = "Orders rejected that day because the payment was declined")
        int rejectedPaymentDeclined,

        @Schema(description = "Orders rejected that day because they timed out")
        int rejectedTimeout,

        @Schema(description = "Orders cancelled that day") int cancelled,

        @Schema(
                description =
                        "Median of (accepted at − placed at) of the orders accepted that day, in seconds (3 decimals, "
                                + "linear interpolation between ranks, as PostgreSQL's percentile_cont); null without accepted orders",
                nullable = true)
        BigDecimal medianSecondsToAccept,

        @Schema(
                description =
                        "95th percentile of the same durations, computed the same way; null without accepted orders",
                nullable = true)
        BigDecimal p95SecondsToAccept) {}
