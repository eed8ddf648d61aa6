package io.sourced.saga.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ReleaseStockCommand;
import io.sourced.api.inventory.ReserveStockCommand;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.rules.BusinessRules;
import io.sourced.saga.processing.JacksonSagaStore;
import io.sourced.saga.processing.RestartedSaga;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.junit.jupiter.api.Test;

/**
 * The saga as the JDBC saga store keeps it: serialized by Jackson between every two events, handled each time by a
 * freshly built saga manager, as after a restart.
 */
class OrderFulfilmentSagaSerializationTest {

    private final ObjectMapper objectMapper = new ObjectMapper().findAndRegisterModules();
    private final JacksonSerializer serializer =
            JacksonSerializer.builder().objectMapper(objectMapper).build();
    private final RestartedSaga<OrderFulfilmentSaga> saga = new RestartedSaga<>(
            OrderFulfilmentSaga.class,
            serializer,
            new OrderWorkflowSettings(Duration.ofSeconds(30)),
            BusinessRules.NONE);
    private final JacksonSagaStore store = saga.store();
    private final StubDeadlineManager deadlineManager = saga.deadlineManager();

    private final OrderId orderId = OrderId.random();
    private final CustomerId customerId = CustomerId.random();
    private final ProductId book = ProductId.random();
    private final ProductId pen = ProductId.random();

    @Test
    void stockReserved_midWay_isStoredWithItsWholeState() throws Exception {
        handle(new OrderPlacedEvent(orderId, customerId, List.of(new OrderLine(book, 2), new OrderLine(pen, 1))));
        handle(new StockReservedEvent(book, orderId, 2, new BigDecimal("10.00")));

        JsonNode json = objectMapper.readTree(store.serialized(store.onlySagaId()));
        assertThat(json.get("orderId").asText()).isEqualTo(orderId.toString());
        assertThat(json.get("customerId").asText()).isEqualTo(customerId.toString());
        assertThat(json.get("lines")).hasSize(2);
        assertThat(json.get("lines").get(0).get("productId").asText()).isEqualTo(book.toString());
        assertThat(json.get("lines").get(0).get("state").asText()).isEqualTo("RESERVED");
        assertThat(json.get("lines").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(json.get("lines").get(1).get("state").asText()).isEqualTo("AWAITING");
        assertThat(json.get("payment").asText()).isEqualTo("NOT_ASKED");
        assertThat(json.get("order").asText()).isEqualTo("PENDING");
        assertThat(json.get("timeoutId").asText()).isNotBlank();
        assertThat(json.has("commandGateway")).isFalse();
        assertThat(json.has("deadlineManager")).isFalse();
        assertThat(json.has("settings")).isFalse();

        OrderFulfilmentSaga restored = serializer.deserialize(new SimpleSerializedObject<>(
                store.serialized(store.onlySagaId()),
                byte[].class,
                new SimpleSerializedType(OrderFulfilmentSaga.class.getName(), null)));
        JsonNode again = objectMapper.readTree(
                serializer.serialize(restored, byte[].class).getData());
        assertThat(again).isEqualTo(json);
    }

    @Test
    void orderCancelled_afterARestartMidWay_compensatesWhatWasReservedAndTheLateReply() throws Exception {
        handle(new OrderPlacedEvent(orderId, customerId, List.of(new OrderLine(book, 2), new OrderLine(pen, 1))));
        assertThat(dispatched())
                .containsExactly(new ReserveStockCommand(book, orderId, 2), new ReserveStockCommand(pen, orderId, 1));
        assertThat(deadlineManager.getScheduledDeadlines()).hasSize(1);
        handle(new StockReservedEvent(book, orderId, 2, new BigDecimal("10.00")));

        handle(new OrderCancelledEvent(orderId, customerId));
        assertThat(dispatched()).containsExactly(new ReleaseStockCommand(book, orderId));
        assertThat(deadlineManager.getScheduledDeadlines())
                .as("the timeout found by its stored id")
                .isEmpty();
        assertThat(store.size()).as("waits for the pen's answer").isEqualTo(1);

        handle(new StockReservedEvent(pen, orderId, 1, new BigDecimal("5.50")));
        assertThat(dispatched()).containsExactly(new ReleaseStockCommand(pen, orderId));
        assertThat(store.size()).as("ended").isZero();
    }

    private void handle(Object payload) throws Exception {
        saga.handle(payload);
    }

    private List<Object> dispatched() {
        return saga.dispatched();
    }
}
