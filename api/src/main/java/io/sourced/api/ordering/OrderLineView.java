package io.sourced.api.ordering;

import io.sourced.api.inventory.ProductId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/**
 * One line of an order: {@code quantity} units asked; {@code filled} the units the order got (fewer when it was filled
 * in part, 0 for a line dropped for want of stock), null until the line is reserved or the order accepted;
 * {@code returned} the units given back by completed returns, {@code returning} those in returns not completed yet.
 */
public record OrderLineView(
        ProductId productId,
        int quantity,
        @Schema(nullable = true) BigDecimal unitPrice,
        @Schema(nullable = true) Integer filled,
        @Schema(description = "Units returned and refunded") int returned,

        @Schema(description = "Units in returns still in their workflow")
        int returning) {

    /** A line none of whose units were returned. */
    public OrderLineView(ProductId productId, int quantity, BigDecimal unitPrice, Integer filled) {
        this(productId, quantity, unitPrice, filled, 0, 0);
    }

    /** A line not answered yet. */
    public OrderLineView(ProductId productId, int quantity, BigDecimal unitPrice) {
        this(productId, quantity, unitPrice, null, 0, 0);
    }

    /** The units asked and not filled: lost for want of stock. */
    public int lost() {
        return filled == null ? 0 : quantity - filled;
    }

    /** The units that may still be returned: those the order got, less those returned or being returned. */
    public int returnable() {
        return filled == null ? 0 : filled - returned - returning;
    }

    /** Whether some, not all, of the units the order got were returned. */
    public boolean partlyReturned() {
        return returned > 0 && filled != null && returned < filled;
    }
}
