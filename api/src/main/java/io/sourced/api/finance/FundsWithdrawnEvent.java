package io.sourced.api.finance;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

/** {@code balance} is the account's balance after this event. */
@Revision("1")
public record FundsWithdrawnEvent(CustomerId customerId, BigDecimal amount, BigDecimal balance)
        implements CustomerScoped {
}
