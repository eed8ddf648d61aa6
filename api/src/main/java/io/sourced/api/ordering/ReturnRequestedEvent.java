package io.sourced.api.ordering;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.CustomerScoped;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Units of an accepted order are to be returned: each line's units at the price the order paid for them, {@code amount}
 * their sum, to be refunded once they are back in stock. Until the return completes or fails they are no longer
 * returnable. Who asked is in the event's metadata.
 */
@Revision("1")
public record ReturnRequestedEvent(
        OrderId orderId,
        ReturnId returnId,
        CustomerId customerId,
        List<PricedLine> lines,
        BigDecimal amount,
        String reason)
        implements OrderScoped, CustomerScoped {

    public ReturnRequestedEvent {
        lines = List.copyOf(lines);
    }
}
