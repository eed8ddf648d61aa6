package io.sourced.api.finance;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens a customer's checking account; an initial deposit of zero or null deposits nothing. With a {@code signIn},
 * the customer's sign-in is created in the same transaction as the account's events, or neither is.
 */
public record OpenAccountCommand(
        @TargetAggregateIdentifier CustomerId customerId, String name, BigDecimal initialDeposit, SignIn signIn) {

    public OpenAccountCommand(CustomerId customerId, String name, BigDecimal initialDeposit) {
        this(customerId, name, initialDeposit, null);
    }
}
