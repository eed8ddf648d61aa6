package io.sourced.api.finance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReverseDepositCommand(
        @TargetAggregateIdentifier CustomerId customerId, TransactionId transactionId, String reason) {}
