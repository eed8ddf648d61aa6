package io.sourced.api.ordering;

import io.sourced.api.inventory.ProductId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/**
 * One line of an order: {@code quantity} units asked; {@code filled} the units the order got (fewer when it was filled
 * in part, 0 for a line dropped for want of stock), null until the line is reserved or the order accepted.
 */
public record OrderLineView(
        ProductId productId,
        int quantity,
        @Schema(nullable = true) BigDecimal unitPrice,
        @Schema(nullable = true) Integer filled) {

    /** A line not answered yet. */
    public OrderLineView(ProductId productId, int quantity, BigDecimal unitPrice) {
        this(productId, quantity, unitPrice, null);
    }

    /** The units asked and not filled: lost for want of stock. */
    public int lost() {
        return filled == null ? 0 : quantity - filled;
    }
}
