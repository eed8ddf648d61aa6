package io.sourced.api.ordering;

import io.sourced.api.inventory.ProductId;
import java.math.BigDecimal;
import java.util.List;

/** Units of one product at the price the order paid for each: what an order got, or what a return gives back. */
public record PricedLine(ProductId productId, int quantity, BigDecimal unitPrice) {

    /** What the units cost: the quantity times the unit price. */
    public BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    /** What the lines cost together. */
    public static BigDecimal amountOf(List<PricedLine> lines) {
        return lines.stream().map(PricedLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
