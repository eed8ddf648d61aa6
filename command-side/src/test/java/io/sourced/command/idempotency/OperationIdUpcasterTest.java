package io.sourced.command.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.FundsDepositedEvent;
import io.sourced.api.finance.FundsWithdrawnEvent;
import io.sourced.api.idempotency.OperationId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRestockedEvent;
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

class OperationIdUpcasterTest {

    private static final String ID = "6f1d2c7e-5b8a-4c3e-9a41-2d7f0b9e8c15";

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules())
            .build();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(new OperationIdUpcaster());

    @Test
    void fundsDepositedRevision1_isReadAsRevision2WithoutAnOperation() {
        DomainEventMessage<?> read =
                read(FundsDepositedEvent.class, "1", "{\"customerId\":\"%s\",\"amount\":10.50,\"balance\":10.50}");

        assertThat(read.getPayload())
                .isEqualTo(new FundsDepositedEvent(
                        CustomerId.of(ID), new BigDecimal("10.50"), new BigDecimal("10.50"), null));
        assertThat(read.getPayloadType()).isEqualTo(FundsDepositedEvent.class);
    }

    @Test
    void fundsWithdrawnAndProductRestockedRevision1_areReadWithoutAnOperation() {
        assertThat(read(FundsWithdrawnEvent.class, "1", "{\"customerId\":\"%s\",\"amount\":1,\"balance\":0}")
                        .getPayload())
                .isEqualTo(new FundsWithdrawnEvent(CustomerId.of(ID), BigDecimal.ONE, BigDecimal.ZERO, null));
        assertThat(read(ProductRestockedEvent.class, "1", "{\"productId\":\"%s\",\"quantity\":4}")
                        .getPayload())
                .isEqualTo(new ProductRestockedEvent(ProductId.of(ID), 4, null));
    }

    @Test
    void revision2_keepsItsOperation() {
        String operation = UUID.randomUUID().toString();

        assertThat(read(
                                ProductRestockedEvent.class,
                                "2",
                                "{\"productId\":\"%s\",\"quantity\":4,\"operationId\":\"" + operation + "\"}")
                        .getPayload())
                .isEqualTo(new ProductRestockedEvent(ProductId.of(ID), 4, OperationId.of(operation)));
    }

    private DomainEventMessage<?> read(Class<?> type, String revision, String payload) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>(
                "Aggregate",
                ID,
                0,
                UUID.randomUUID().toString(),
                Instant.parse("2026-11-20T09:00:00Z").toString(),
                type.getName(),
                revision,
                payload.formatted(ID).getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        return EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored), serializer, upcasters)
                .next();
    }
}
