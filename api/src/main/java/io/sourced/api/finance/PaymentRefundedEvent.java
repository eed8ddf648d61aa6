package io.sourced.api.finance;

import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderScoped;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

/** {@code balance} is the account's balance after this event. */
@Revision("1")
public record PaymentRefundedEvent(CustomerId customerId, OrderId orderId, BigDecimal amount, BigDecimal balance)
        implements CustomerScoped, OrderScoped {
}
