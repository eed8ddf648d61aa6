package io.sourced.api.rules;

import io.sourced.api.inventory.ProductId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The business rules the aggregates and the order workflow consult when they decide: the same code decides live (the
 * rules from the application's settings, all off by default) and in a what-if timeline (the timeline's rules).
 *
 * @param partialFulfilment   an order that cannot be filled whole is accepted for the units in stock, unit by unit
 * @param creditLimit         how far below zero an account may go to pay for an order (never below zero when 0)
 * @param priceChangePercent  a percentage added to the price of each product a reservation is priced at (-10 is ten
 *                            percent off), rounded to cents half-even; 0 leaves the prices as they are
 * @param priceChangeProducts the products the price change applies to; empty: every product
 * @param autoRestock         a restock asked when a product's available stock falls below a threshold; null: none
 */
public record BusinessRules(
        boolean partialFulfilment,
        BigDecimal creditLimit,
        BigDecimal priceChangePercent,
        Set<ProductId> priceChangeProducts,
        AutoRestock autoRestock) {

    /** The rules the system keeps when none is changed. */
    public static final BusinessRules NONE = new BusinessRules(false, BigDecimal.ZERO, BigDecimal.ZERO, Set.of(), null);

    private static final BigDecimal ONE_HUNDRED = BigDecimal.valueOf(100);

    public BusinessRules {
        creditLimit = Objects.requireNonNullElse(creditLimit, BigDecimal.ZERO);
        priceChangePercent = Objects.requireNonNullElse(priceChangePercent, BigDecimal.ZERO);
        priceChangeProducts = priceChangeProducts == null ? Set.of() : Set.copyOf(priceChangeProducts);
        if (creditLimit.signum() < 0) {
            throw new IllegalArgumentException("creditLimit must not be negative");
        }
        if (priceChangePercent.compareTo(BigDecimal.valueOf(-100)) <= 0) {
            throw new IllegalArgumentException("priceChangePercent must be above -100");
        }
    }

    /**
     * The price a reservation of the product is made at while these rules hold, and the price the shop shows: the list
     * price changed by the percentage when the change applies to the product, rounded to cents half-even (so that the
     * roundings of many prices do not all lean one way); the list price as it is otherwise.
     */
    public BigDecimal priceOf(ProductId productId, BigDecimal listPrice) {
        if (priceChangePercent.signum() == 0
                || (!priceChangeProducts.isEmpty() && !priceChangeProducts.contains(productId))) {
            return listPrice;
        }
        return listPrice
                .multiply(ONE_HUNDRED.add(priceChangePercent))
                .movePointLeft(2)
                .setScale(2, RoundingMode.HALF_EVEN);
    }

    /** Whether an account with this balance may pay this amount for an order: down to {@code -creditLimit}. */
    public boolean allowsPayment(BigDecimal balance, BigDecimal amount) {
        return amount.compareTo(balance.add(creditLimit)) <= 0;
    }

    /**
     * When a product's available stock falls below {@code below}, {@code quantity} units arrive {@code delay} later; a
     * product waits for one such restock at a time.
     */
    public record AutoRestock(int below, int quantity, Duration delay) {

        public static final Duration DEFAULT_DELAY = Duration.ofHours(1);

        public AutoRestock {
            delay = Objects.requireNonNullElse(delay, DEFAULT_DELAY);
            if (below < 1) {
                throw new IllegalArgumentException("autoRestock.below must be at least 1");
            }
            if (quantity < 1) {
                throw new IllegalArgumentException("autoRestock.quantity must be at least 1");
            }
            if (delay.isNegative()) {
                throw new IllegalArgumentException("autoRestock.delay must not be negative");
            }
        }

        /** Whether a product with this available stock is to be restocked. */
        public boolean wants(int available) {
            return available < below;
        }
    }
}
