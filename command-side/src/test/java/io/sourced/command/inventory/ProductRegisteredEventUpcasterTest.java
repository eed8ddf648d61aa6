package io.sourced.command.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.api.idempotency.OperationId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.ProductRestockedEvent;
import io.sourced.api.inventory.RestockProductCommand;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** Revision 1 of ProductRegisteredEvent, as every database stores it today, read as revision 2. */
class ProductRegisteredEventUpcasterTest {

    private static final ProductId LAMP = ProductId.of("6f1d2c7e-5b8a-4c3e-9a41-2d7f0b9e8c15");
    private static final String TYPE = ProductRegisteredEvent.class.getName();

    private final OperationId operation = OperationId.random();

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules())
            .build();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(new ProductRegisteredEventUpcaster());

    @Test
    void productRegisteredRevision1_upcast_isRevision2Uncategorised() {
        IntermediateEventRepresentation upcast = upcasters
                .upcast(Stream.of(new InitialEventRepresentation(stored(TYPE, "1", fixture()), serializer)))
                .findFirst()
                .orElseThrow();

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        JsonNode payload = upcast.getData(JsonNode.class).getData();
        assertThat(payload.path("category").asText()).isEqualTo("Uncategorised");
        assertThat(payload.path("name").asText()).isEqualTo("Desk lamp");
    }

    @Test
    void productRegisteredRevision1_deserialized_keepsItsFieldsAndIsUncategorised() {
        assertThat(read(stored(TYPE, "1", fixture()), upcasters))
                .isEqualTo(new ProductRegisteredEvent(LAMP, "Desk lamp", new BigDecimal("34.50"), 7, "Uncategorised"));
    }

    @Test
    void productRegisteredRevision1_withoutTheUpcaster_wouldHaveNoCategory() {
        ProductRegisteredEvent notUpcast =
                (ProductRegisteredEvent) read(stored(TYPE, "1", fixture()), new EventUpcasterChain(List.of()));

        assertThat(notUpcast.category()).isNull();
    }

    @Test
    void productRegisteredRevision1_upcast_loadsIntoTheProduct() {
        Object upcast = read(stored(TYPE, "1", fixture()), upcasters);

        new AggregateTestFixture<>(Product.class)
                .given(upcast)
                .when(new RestockProductCommand(LAMP, 3, operation))
                .expectEvents(new ProductRestockedEvent(LAMP, 3, operation))
                .expectState(product -> assertThat(product)
                        .extracting("productId", "category", "available")
                        .containsExactly(LAMP, "Uncategorised", 10));
    }

    @Test
    void productRegisteredRevision2_isLeftAsStored() {
        String revision2 = """
                {"productId":"%s","name":"Desk lamp","price":34.50,"initialStock":7,"category":"Lighting"}""".formatted(LAMP);

        assertThat(read(stored(TYPE, "2", revision2.getBytes(StandardCharsets.UTF_8)), upcasters))
                .isEqualTo(new ProductRegisteredEvent(LAMP, "Desk lamp", new BigDecimal("34.50"), 7, "Lighting"));
    }

    @Test
    void otherEventsOfRevision1_areLeftAsStored() {
        String restocked = "{\"productId\":\"%s\",\"quantity\":4}".formatted(LAMP);

        assertThat(read(
                        stored(ProductRestockedEvent.class.getName(), "1", restocked.getBytes(StandardCharsets.UTF_8)),
                        upcasters))
                .isEqualTo(new ProductRestockedEvent(LAMP, 4, null));
    }

    private Object read(DomainEventData<byte[]> stored, EventUpcaster chain) {
        DomainEventMessage<?> message = EventStreamUtils.upcastAndDeserializeDomainEvents(
                        Stream.of(stored), serializer, chain)
                .next();
        return message.getPayload();
    }

    private static DomainEventData<byte[]> stored(String payloadType, String revision, byte[] payload) {
        return new GenericDomainEventEntry<>(
                "Product",
                LAMP.value(),
                0,
                UUID.randomUUID().toString(),
                Instant.parse("2026-11-20T09:00:00Z").toString(),
                payloadType,
                revision,
                payload,
                "{\"username\":\"demo-seed\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] fixture() {
        try (InputStream in = ProductRegisteredEventUpcasterTest.class.getResourceAsStream(
                "/events/ProductRegisteredEvent-rev1.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
