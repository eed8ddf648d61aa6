package io.sourced.api.finance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

public record DepositFundsCommand(@TargetAggregateIdentifier CustomerId customerId, BigDecimal amount) {
}
