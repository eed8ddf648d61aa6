package io.sourced.saga.returns;

import io.sourced.api.inventory.ProductId;

/** One line of a return as the saga tracks it: its units, and where they stand at the product. */
record ReturnLine(ProductId productId, int quantity, State state) {

    enum State {
        /** Asked back into stock, not confirmed yet. */
        ASKED,
        /** Back, held by the product until the return is refunded or fails. */
        HELD,
        /** Available again: the return completed. */
        RELEASED,
        /** Sold again: the return failed. */
        CANCELLED
    }

    ReturnLine in(State next) {
        return new ReturnLine(productId, quantity, next);
    }

    boolean is(State expected) {
        return state == expected;
    }
}
