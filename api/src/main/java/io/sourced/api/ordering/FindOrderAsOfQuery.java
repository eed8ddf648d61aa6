package io.sourced.api.ordering;

import io.sourced.api.finance.CustomerId;
import java.time.Instant;

/**
 * The order as it was at {@code asOf}, computed from the event log; empty before it existed, and empty when
 * {@code customerId} is given and the order is another customer's.
 */
public record FindOrderAsOfQuery(OrderId orderId, Instant asOf, CustomerId customerId) {

    /** Whoever's order it is: the asker has been checked already. */
    public FindOrderAsOfQuery(OrderId orderId, Instant asOf) {
        this(orderId, asOf, null);
    }
}
