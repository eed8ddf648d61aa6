package io.sourced.api.ordering;

/** {@code RETURNED}: accepted, then every unit it got was returned and refunded. */
public enum OrderStatus {
    PENDING,
    ACCEPTED,
    REJECTED,
    CANCELLED,
    RETURNED;

    public boolean isTerminal() {
        return this != PENDING;
    }
}
