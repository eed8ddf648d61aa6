package io.sourced.api.timelines;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * The rules a timeline decides by, as asked and as answered; every one is optional and off when absent.
 *
 * @param partialFulfilment   accept an order for the units in stock when it cannot be filled whole
 * @param creditLimit         how far below zero an account may go to pay for an order
 * @param priceChangePercent  a percentage added to the prices (-10: ten percent off)
 * @param priceChangeProducts the products the price change applies to; empty: all
 * @param autoRestock         a restock of {@code quantity} units, {@code delay} after the available stock fell below
 *                            {@code below}
 */
public record TimelineRules(
        Boolean partialFulfilment,
        BigDecimal creditLimit,
        BigDecimal priceChangePercent,
        List<String> priceChangeProducts,
        AutoRestock autoRestock) {

    /** @param delay ISO-8601 ({@code PT1H}); one hour when absent */
    public record AutoRestock(
            Integer below,
            Integer quantity,
            @Schema(type = "string", example = "PT1H") Duration delay) {}
}
