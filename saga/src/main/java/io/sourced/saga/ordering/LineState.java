package io.sourced.saga.ordering;

/** Where one order line stands with the inventory. */
enum LineState {
    /** ReserveStock sent, no answer yet. */
    AWAITING,
    RESERVED,
    REJECTED,
    /** Was reserved, then given back because the order is over. */
    RELEASED;

    boolean isAnswered() {
        return this != AWAITING;
    }
}
