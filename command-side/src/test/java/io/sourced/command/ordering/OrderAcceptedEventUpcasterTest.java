package io.sourced.command.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.PricedLine;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;

class OrderAcceptedEventUpcasterTest {

    private static final String ORDER = "0b0c9a52-0e3d-4d36-a3c9-4f5c0f0e8d21";
    private static final String CUSTOMER = "6f1d2c7e-5b8a-4c3e-9a41-2d7f0b9e8c15";
    private static final String PRODUCT = "9a7c3e1f-2b4d-4e6f-8a0b-1c2d3e4f5a6b";

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules())
            .build();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(new OrderAcceptedEventUpcaster());

    @Test
    void revision1_isReadAsFilledWhole() {
        DomainEventMessage<?> read =
                read("1", "{\"orderId\":\"" + ORDER + "\",\"customerId\":\"" + CUSTOMER + "\",\"total\":69.00}");

        assertThat(read.getPayload())
                .isEqualTo(new OrderAcceptedEvent(
                        OrderId.of(ORDER), CustomerId.of(CUSTOMER), new BigDecimal("69.00"), List.of()));
    }

    @Test
    void revision2_keepsItsShortfall() {
        DomainEventMessage<?> read = read(
                "2",
                "{\"orderId\":\"" + ORDER + "\",\"customerId\":\"" + CUSTOMER
                        + "\",\"total\":2.00,\"shortfall\":[{\"productId\":\"" + PRODUCT + "\",\"quantity\":3}]}");

        assertThat(((OrderAcceptedEvent) read.getPayload()).shortfall())
                .containsExactly(new OrderLine(ProductId.of(PRODUCT), 3));
    }

    @Test
    void revision2_isReadWithoutThePricesOfItsLines() {
        DomainEventMessage<?> read = read(
                "2",
                "{\"orderId\":\"" + ORDER + "\",\"customerId\":\"" + CUSTOMER + "\",\"total\":2.00,\"shortfall\":[]}");

        assertThat(((OrderAcceptedEvent) read.getPayload()).lines()).isEmpty();
    }

    @Test
    void revision3_keepsThePricesOfItsLines() {
        DomainEventMessage<?> read = read(
                "3",
                "{\"orderId\":\"" + ORDER + "\",\"customerId\":\"" + CUSTOMER
                        + "\",\"total\":2.00,\"shortfall\":[],\"lines\":[{\"productId\":\"" + PRODUCT
                        + "\",\"quantity\":2,\"unitPrice\":1.00}]}");

        assertThat(((OrderAcceptedEvent) read.getPayload()).lines())
                .containsExactly(new PricedLine(ProductId.of(PRODUCT), 2, new BigDecimal("1.00")));
    }

    private DomainEventMessage<?> read(String revision, String payload) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>(
                "Order",
                ORDER,
                1,
                UUID.randomUUID().toString(),
                Instant.parse("2026-11-20T09:00:00Z").toString(),
                OrderAcceptedEvent.class.getName(),
                revision,
                payload.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        return EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored), serializer, upcasters)
                .next();
    }
}
