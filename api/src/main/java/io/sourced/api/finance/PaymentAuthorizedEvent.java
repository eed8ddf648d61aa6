package io.sourced.api.finance;

import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderScoped;
import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/** {@code balance} is the account's balance after this event. */
@Revision("1")
public record PaymentAuthorizedEvent(CustomerId customerId, OrderId orderId, BigDecimal amount, BigDecimal balance)
        implements CustomerScoped, OrderScoped {}
