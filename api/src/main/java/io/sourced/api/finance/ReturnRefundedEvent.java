package io.sourced.api.finance;

import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderScoped;
import io.sourced.api.ordering.ReturnId;
import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/** {@code amount} of the order's payment given back for a return; {@code balance} is the balance after this event. */
@Revision("1")
public record ReturnRefundedEvent(
        CustomerId customerId, OrderId orderId, ReturnId returnId, BigDecimal amount, BigDecimal balance)
        implements CustomerScoped, OrderScoped {}
