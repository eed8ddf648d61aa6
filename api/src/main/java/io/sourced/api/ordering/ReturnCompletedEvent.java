package io.sourced.api.ordering;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.CustomerScoped;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A return is done: its units are back in stock and {@code amount} was refunded. {@code status} is the order's after
 * it: {@code RETURNED} once every unit the order got was returned, {@code ACCEPTED} while some remain.
 */
@Revision("1")
public record ReturnCompletedEvent(
        OrderId orderId,
        ReturnId returnId,
        CustomerId customerId,
        List<PricedLine> lines,
        BigDecimal amount,
        OrderStatus status)
        implements OrderScoped, CustomerScoped {

    public ReturnCompletedEvent {
        lines = List.copyOf(lines);
    }
}
