package io.sourced.api.finance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

public record WithdrawFundsCommand(@TargetAggregateIdentifier CustomerId customerId, BigDecimal amount) {
}
