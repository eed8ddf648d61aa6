package io.sourced.api.reports;

import io.sourced.api.inventory.ProductId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/** One product on one day (the UTC date of its events); a day without events of the product has no row. */
@Schema(
        description = "Sales and stock of one product on one day (UTC). A day on which nothing happened to the product "
                + "has no row: its stock is the one of the product's last row before it.")
public record ProductDayReport(
        @Schema(description = "The UTC date of the events counted")
        LocalDate day,

        ProductId productId,

        @Schema(description = "The product's name as registered")
        String productName,

        @Schema(description = "Units on the lines of the orders placed that day")
        int unitsOrdered,

        @Schema(description = "Units whose reservation was confirmed (sold) that day")
        int unitsSold,

        @Schema(
                description = "Units sold that day × the unit price their order's reservation was made at, less the"
                        + " refunds of the units returned that day: revenue net of refunds")
        BigDecimal revenue,

        @Schema(description = "Units asked by reservations rejected for want of stock that day (lost demand)")
        int unitsLost,

        @Schema(description = "Units written off (taken out of the available stock for good) that day")
        int unitsWrittenOff,

        @Schema(description = "Units returned (back in the available stock, their return refunded) that day")
        int unitsReturned,

        @Schema(description = "Refunded that day for the units returned, at the price their order paid")
        BigDecimal refunded,

        @Schema(description = "Available stock after the product's last event of that day")
        int stockEndOfDay,

        @Schema(
                description = "unitsSold ÷ (unitsSold + stockEndOfDay), 4 decimals; null when both are 0",
                nullable = true)
        BigDecimal sellThrough) {

    /** The sell-through of a day: null when nothing was sold and nothing is left. */
    public static BigDecimal sellThrough(int unitsSold, int stockEndOfDay) {
        int base = unitsSold + stockEndOfDay;
        return base == 0
                ? null
                : BigDecimal.valueOf(unitsSold).divide(BigDecimal.valueOf(base), 4, RoundingMode.HALF_UP);
    }
}
