package io.sourced.api.finance;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WithdrawFundsCommand(
        @TargetAggregateIdentifier CustomerId customerId, BigDecimal amount) {}
