package io.sourced.api.ordering;

public enum RejectionReason {
    OUT_OF_STOCK,
    PAYMENT_DECLINED,
    TIMEOUT
}
