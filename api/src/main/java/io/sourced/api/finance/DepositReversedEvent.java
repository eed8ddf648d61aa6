package io.sourced.api.finance;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * The deposit {@code transactionId} taken back: its {@code amount} left the account, whose balance after this event is
 * {@code balance}. Who reversed it is in the event's metadata.
 */
@Revision("1")
public record DepositReversedEvent(
        CustomerId customerId, TransactionId transactionId, BigDecimal amount, BigDecimal balance, String reason)
        implements CustomerScoped {}
