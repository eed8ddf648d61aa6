package io.sourced.command.inventory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sourced.api.inventory.ProductRegisteredEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * Reads a stored revision 1 {@link ProductRegisteredEvent} as revision 2: the product was registered before
 * categories existed, so it is {@value ProductRegisteredEvent#UNCATEGORISED}. Axon's Spring Boot support puts
 * every {@code EventUpcaster} bean in the event store's upcaster chain, so aggregates and every processor
 * (the views included) see only revision 2.
 */
@Component
class ProductRegisteredEventUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(ProductRegisteredEvent.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(ProductRegisteredEvent.class.getName(), "2");

    /**
     * The JSON is edited as bytes with this mapper rather than as Axon's {@code JsonNode}: Axon's conversion
     * reads {@code "price":34.50} as the double 34.5, and the price must come back exactly as stored.
     */
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
        return event.upcastPayload(REVISION_2, byte[].class, ProductRegisteredEventUpcaster::withCategory);
    }

    private static byte[] withCategory(byte[] revision1) {
        try {
            ObjectNode payload = (ObjectNode) EXACT.readTree(revision1);
            if (!payload.hasNonNull("category")) {
                payload.put("category", ProductRegisteredEvent.UNCATEGORISED);
            }
            return EXACT.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable revision 1 ProductRegisteredEvent", e);
        }
    }
}
