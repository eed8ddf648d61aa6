package io.sourced.saga.ordering;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.OrderLine;
import java.math.BigDecimal;

/**
 * One order line as the saga tracks it; {@code unitPrice} is known once the stock is reserved. {@code quantity} is the
 * units asked until the line is reserved, then the units reserved; {@code shortBy} the units asked and not reserved
 * (absent from the state of a saga started before partial fulfilment, so 0).
 */
record LineProgress(ProductId productId, int quantity, LineState state, BigDecimal unitPrice, int shortBy) {

    static LineProgress awaiting(OrderLine line) {
        return new LineProgress(line.productId(), line.quantity(), LineState.AWAITING, null, 0);
    }

    LineProgress reserved(int units, BigDecimal price) {
        return new LineProgress(productId, units, LineState.RESERVED, price, shortBy + quantity - units);
    }

    LineProgress rejected() {
        return new LineProgress(productId, quantity, LineState.REJECTED, null, shortBy);
    }

    LineProgress released() {
        return new LineProgress(productId, quantity, LineState.RELEASED, unitPrice, shortBy);
    }

    boolean is(LineState expected) {
        return state == expected;
    }

    BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    /** What the order did not get of this line: the units short of a reserved line, every unit of a dropped one. */
    int unitsNotFilled() {
        return state == LineState.REJECTED ? quantity : shortBy;
    }
}
