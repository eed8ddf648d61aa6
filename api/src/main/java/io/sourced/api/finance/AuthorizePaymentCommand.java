package io.sourced.api.finance;

import io.sourced.api.ordering.OrderId;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Answered by PaymentAuthorized or PaymentDeclined; an order is paid at most once. */
public record AuthorizePaymentCommand(
        @TargetAggregateIdentifier CustomerId customerId, OrderId orderId, BigDecimal amount) {}
