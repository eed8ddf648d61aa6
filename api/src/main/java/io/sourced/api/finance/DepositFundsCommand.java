package io.sourced.api.finance;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DepositFundsCommand(@TargetAggregateIdentifier CustomerId customerId, BigDecimal amount) {}
