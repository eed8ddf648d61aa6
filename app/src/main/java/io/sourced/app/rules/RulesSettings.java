package io.sourced.app.rules;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.rules.BusinessRules;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The live system's business rules ({@code sourced.rules.*}), all off by default; docs/operations.md lists them.
 *
 * @param partialFulfilment   accept an order for the units in stock when it cannot be filled whole
 * @param creditLimit         how far below zero an account may go to pay for an order
 * @param priceChangePercent  a percentage added to the prices reservations are made at
 * @param priceChangeProducts the products it applies to; empty: all
 * @param autoRestock         a restock asked when a product's available stock falls below a threshold
 */
@ConfigurationProperties("sourced.rules")
record RulesSettings(
        boolean partialFulfilment,
        BigDecimal creditLimit,
        BigDecimal priceChangePercent,
        List<String> priceChangeProducts,
        AutoRestockSettings autoRestock) {

    /**
     * @param enabled  whether the rule applies
     * @param below    the available stock under which a restock is asked
     * @param quantity the units a restock brings
     * @param delay    how long after it is asked the restock arrives
     */
    record AutoRestockSettings(boolean enabled, Integer below, Integer quantity, Duration delay) {}

    BusinessRules rules() {
        return new BusinessRules(
                partialFulfilment,
                creditLimit,
                priceChangePercent,
                priceChangeProducts == null
                        ? null
                        : priceChangeProducts.stream().map(ProductId::of).collect(Collectors.toSet()),
                autoRestock == null || !autoRestock.enabled()
                        ? null
                        : new BusinessRules.AutoRestock(
                                orZero(autoRestock.below()), orZero(autoRestock.quantity()), autoRestock.delay()));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
