package io.sourced.command.inventory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sourced.api.inventory.StockReservedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * Reads a stored revision 1 {@link StockReservedEvent} as revision 2: before partial reservations existed every unit
 * asked was reserved, so {@code requested} is the {@code quantity}.
 */
@Component
class StockReservedEventUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(StockReservedEvent.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(StockReservedEvent.class.getName(), "2");

    /** Edited as bytes with exact decimals, so that the unit price comes back exactly as stored. */
    private static final ObjectMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return REVISION_1.equals(event.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(REVISION_2, byte[].class, StockReservedEventUpcaster::withRequested);
    }

    private static byte[] withRequested(byte[] revision1) {
        try {
            ObjectNode payload = (ObjectNode) EXACT.readTree(revision1);
            if (!payload.hasNonNull("requested")) {
                payload.set("requested", payload.get("quantity"));
            }
            return EXACT.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable revision 1 StockReservedEvent", e);
        }
    }
}
