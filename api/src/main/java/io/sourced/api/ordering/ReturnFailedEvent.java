package io.sourced.api.ordering;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.CustomerScoped;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A return could not complete, for {@code reason}: nothing of it stays done (no unit back in stock, no money
 * refunded), and its units are returnable again.
 */
@Revision("1")
public record ReturnFailedEvent(
        OrderId orderId, ReturnId returnId, CustomerId customerId, List<PricedLine> lines, String reason)
        implements OrderScoped, CustomerScoped {

    public ReturnFailedEvent {
        lines = List.copyOf(lines);
    }
}
