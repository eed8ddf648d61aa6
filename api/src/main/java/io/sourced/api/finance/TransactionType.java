package io.sourced.api.finance;

public enum TransactionType {
    DEPOSIT,
    WITHDRAWAL,
    PAYMENT,
    REFUND,
    REVERSAL
}
