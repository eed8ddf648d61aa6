package io.sourced.saga.ordering;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.OrderLine;
import java.math.BigDecimal;

/** One order line as the saga tracks it; {@code unitPrice} is known once the stock is reserved. */
record LineProgress(ProductId productId, int quantity, LineState state, BigDecimal unitPrice) {

    static LineProgress awaiting(OrderLine line) {
        return new LineProgress(line.productId(), line.quantity(), LineState.AWAITING, null);
    }

    LineProgress reserved(BigDecimal price) {
        return new LineProgress(productId, quantity, LineState.RESERVED, price);
    }

    LineProgress rejected() {
        return new LineProgress(productId, quantity, LineState.REJECTED, null);
    }

    LineProgress released() {
        return new LineProgress(productId, quantity, LineState.RELEASED, unitPrice);
    }

    boolean is(LineState expected) {
        return state == expected;
    }

    BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
