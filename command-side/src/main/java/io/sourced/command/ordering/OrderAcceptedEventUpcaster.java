package io.sourced.command.ordering;

import io.sourced.api.ordering.OrderAcceptedEvent;
import java.util.function.Function;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * Reads a stored revision 1 {@link OrderAcceptedEvent} as revision 2: before partial fulfilment every line was filled
 * whole, and an absent {@code shortfall} reads as empty. The payload is left as stored.
 */
@Component
class OrderAcceptedEventUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(OrderAcceptedEvent.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(OrderAcceptedEvent.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return REVISION_1.equals(event.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(REVISION_2, byte[].class, Function.identity());
    }
}
