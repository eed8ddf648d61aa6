package io.sourced.api.finance;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/** {@code balance} is the account's balance after this event. */
@Revision("1")
public record FundsWithdrawnEvent(CustomerId customerId, BigDecimal amount, BigDecimal balance)
        implements CustomerScoped {}
