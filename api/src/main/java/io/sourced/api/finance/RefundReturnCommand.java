package io.sourced.api.finance;

import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.ReturnId;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Answered by ReturnRefunded or ReturnRefundDeclined: gives back {@code amount} of the order's payment for the return's
 * units; asked again for the same return it changes nothing.
 */
public record RefundReturnCommand(
        @TargetAggregateIdentifier CustomerId customerId, OrderId orderId, ReturnId returnId, BigDecimal amount) {}
