package io.sourced.command.ordering;

import io.sourced.api.ordering.OrderAcceptedEvent;
import java.util.function.Function;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * Reads a stored revision 1 or 2 {@link OrderAcceptedEvent} as revision 3. Before partial fulfilment (revision 1) every
 * line was filled whole, and an absent {@code shortfall} reads as empty; before returns (revisions 1 and 2) the prices
 * of the lines were not recorded, and absent {@code lines} read as empty: the order does not know them. The payload is
 * left as stored.
 */
@Component
class OrderAcceptedEventUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(OrderAcceptedEvent.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(OrderAcceptedEvent.class.getName(), "2");
    private static final SimpleSerializedType REVISION_3 =
            new SimpleSerializedType(OrderAcceptedEvent.class.getName(), "3");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return REVISION_1.equals(event.getType()) || REVISION_2.equals(event.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(REVISION_3, byte[].class, Function.identity());
    }
}
