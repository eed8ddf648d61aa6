package io.sourced.command.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.OrderId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;

class StockReservedEventUpcasterTest {

    private static final String PRODUCT = "6f1d2c7e-5b8a-4c3e-9a41-2d7f0b9e8c15";
    private static final String ORDER = "0b0c9a52-0e3d-4d36-a3c9-4f5c0f0e8d21";

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules())
            .build();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(new StockReservedEventUpcaster());

    @Test
    void revision1_isReadAsEveryUnitAskedReserved() {
        DomainEventMessage<?> read = read(
                "1",
                "{\"productId\":\"" + PRODUCT + "\",\"orderId\":\"" + ORDER + "\",\"quantity\":3,\"unitPrice\":34.50}");

        assertThat(read.getPayload())
                .isEqualTo(new StockReservedEvent(
                        ProductId.of(PRODUCT), OrderId.of(ORDER), 3, new BigDecimal("34.50"), 3));
        assertThat(((StockReservedEvent) read.getPayload()).shortBy()).isZero();
    }

    @Test
    void revision2_keepsWhatWasAsked() {
        DomainEventMessage<?> read = read(
                "2",
                "{\"productId\":\"" + PRODUCT + "\",\"orderId\":\"" + ORDER
                        + "\",\"quantity\":2,\"unitPrice\":1.00,\"requested\":5}");

        assertThat(((StockReservedEvent) read.getPayload()).shortBy()).isEqualTo(3);
    }

    private DomainEventMessage<?> read(String revision, String payload) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>(
                "Product",
                PRODUCT,
                0,
                UUID.randomUUID().toString(),
                Instant.parse("2026-11-20T09:00:00Z").toString(),
                StockReservedEvent.class.getName(),
                revision,
                payload.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        return EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored), serializer, upcasters)
                .next();
    }
}
