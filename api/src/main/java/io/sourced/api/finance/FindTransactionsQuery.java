package io.sourced.api.finance;

/** A customer's ledger, oldest first. */
public record FindTransactionsQuery(CustomerId customerId) {}
