package io.sourced.api.finance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/** Opens a customer's checking account; an initial deposit of zero or null deposits nothing. */
public record OpenAccountCommand(@TargetAggregateIdentifier CustomerId customerId, String name,
                                 BigDecimal initialDeposit) {
}
