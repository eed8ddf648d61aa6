package io.sourced.api.finance;

import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderScoped;
import io.sourced.api.ordering.ReturnId;
import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * The account refused to refund a return, for {@code reason} (the order's payment is unknown to it, was refunded whole,
 * or the return would give back more than was paid); no money moved.
 */
@Revision("1")
public record ReturnRefundDeclinedEvent(
        CustomerId customerId, OrderId orderId, ReturnId returnId, BigDecimal amount, String reason)
        implements CustomerScoped, OrderScoped {}
