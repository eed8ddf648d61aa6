package io.sourced.api.ordering;

public enum OrderStatus {
    PENDING,
    ACCEPTED,
    REJECTED,
    CANCELLED;

    public boolean isTerminal() {
        return this != PENDING;
    }
}
