package io.sourced.query.log.eventlog;

import static io.sourced.query.log.eventlog.EventStoreDatabase.REST_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class EventMapperTest {

    private final EventMapper mapper = new EventMapper(REST_JSON);
    private final OrderId orderId = OrderId.random();
    private final CustomerId customerId = CustomerId.random();
    private final ProductId apples = ProductId.random();

    @Test
    void orderPlaced_isMappedToTheApiEventShape() throws Exception {
        Instant at = Instant.parse("2026-11-26T09:15:30.123Z");
        var message = new GenericDomainEventMessage<>(
                "Order",
                orderId.value(),
                0,
                new OrderPlacedEvent(orderId, customerId, List.of(new OrderLine(apples, 2))),
                MetaData.with("username", "alice").and("traceId", "t-1").and("correlationId", "c-1"),
                "event-1",
                at);

        Event event = mapper.toEvent(message, 42);

        assertThat(event.position()).isEqualTo(42);
        assertThat(event.eventId()).isEqualTo("event-1");
        assertThat(event.aggregateType()).isEqualTo("Order");
        assertThat(event.aggregateId()).isEqualTo(orderId.value());
        assertThat(event.sequence()).isZero();
        assertThat(event.type()).isEqualTo("OrderPlacedEvent");
        assertThat(event.revision()).isEqualTo("1");
        assertThat(event.timestamp()).isEqualTo(at);
        JsonNode json = REST_JSON.readTree(REST_JSON.writeValueAsString(event));
        assertThat(json.fieldNames())
                .toIterable()
                .containsExactly(
                        "position",
                        "eventId",
                        "aggregateType",
                        "aggregateId",
                        "sequence",
                        "type",
                        "revision",
                        "timestamp",
                        "payload",
                        "metadata");
        assertThat(json.path("timestamp").asText()).isEqualTo("2026-11-26T09:15:30.123Z");
        assertThat(json.path("payload").path("orderId").asText()).isEqualTo(orderId.value());
        assertThat(json.path("payload").path("customerId").asText()).isEqualTo(customerId.value());
        assertThat(json.path("payload").path("lines").get(0).path("productId").asText())
                .isEqualTo(apples.value());
        assertThat(json.path("payload").path("lines").get(0).path("quantity").asInt())
                .isEqualTo(2);
        assertThat(json.path("metadata").path("username").asText()).isEqualTo("alice");
        assertThat(json.path("metadata").path("traceId").asText()).isEqualTo("t-1");
        assertThat(json.path("metadata").path("correlationId").asText()).isEqualTo("c-1");
    }

    @Test
    void stockReserved_keepsItsAmountAsANumberWithItsScale() {
        var message = new GenericDomainEventMessage<>(
                "Product", apples.value(), 7, new StockReservedEvent(apples, orderId, 3, new BigDecimal("1.50")));

        Event event = mapper.toEvent(message, 9);

        assertThat(event.sequence()).isEqualTo(7);
        assertThat(event.payload().path("unitPrice").isNumber()).isTrue();
        assertThat(event.payload().path("unitPrice").decimalValue()).isEqualTo(new BigDecimal("1.50"));
    }

    @Test
    void eventOfNoAggregate_hasNoAggregateFields() {
        Event event = mapper.toEvent(GenericEventMessage.asEventMessage("hello"), 3);

        assertThat(event.aggregateType()).isNull();
        assertThat(event.aggregateId()).isNull();
        assertThat(event.sequence()).isNull();
        assertThat(event.type()).isEqualTo("String");
        assertThat(event.revision()).isNull();
    }
}
