package io.sourced.saga.returns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.RefundReturnCommand;
import io.sourced.api.finance.ReturnRefundDeclinedEvent;
import io.sourced.api.inventory.CancelStockReturnCommand;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ReturnStockCommand;
import io.sourced.api.inventory.StockReturnCancelledEvent;
import io.sourced.api.inventory.StockReturnedEvent;
import io.sourced.api.ordering.FailReturnCommand;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.PricedLine;
import io.sourced.api.ordering.ReturnFailedEvent;
import io.sourced.api.ordering.ReturnId;
import io.sourced.api.ordering.ReturnRequestedEvent;
import io.sourced.saga.processing.RestartedSaga;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** The returns saga stored between every two events and handled after a restart, its deadlines found by their ids. */
class ReturnSagaSerializationTest {

    private final ObjectMapper objectMapper = new ObjectMapper().findAndRegisterModules();
    private final RestartedSaga<ReturnSaga> saga = new RestartedSaga<>(
            ReturnSaga.class,
            JacksonSerializer.builder().objectMapper(objectMapper).build(),
            new ReturnWorkflowSettings(Duration.ofMinutes(10), Duration.ofSeconds(10)));

    private final ReturnId returnId = ReturnId.random();
    private final OrderId orderId = OrderId.random();
    private final CustomerId customerId = CustomerId.random();
    private final ProductId book = ProductId.random();
    private final List<PricedLine> lines = List.of(new PricedLine(book, 2, new BigDecimal("10.00")));

    @Test
    void returnRefundDeclined_afterRestarts_undoesTheReturnAndEnds() throws Exception {
        saga.handle(new ReturnRequestedEvent(orderId, returnId, customerId, lines, new BigDecimal("20.00"), "torn"));
        assertThat(saga.dispatched()).containsExactly(new ReturnStockCommand(book, orderId, returnId, 2));
        assertThat(saga.deadlineManager().getScheduledDeadlines()).hasSize(1);

        saga.handle(new StockReturnedEvent(book, orderId, returnId, 2));
        assertThat(saga.dispatched())
                .containsExactly(new RefundReturnCommand(customerId, orderId, returnId, new BigDecimal("20.00")));
        JsonNode json =
                objectMapper.readTree(saga.store().serialized(saga.store().onlySagaId()));
        assertThat(json.get("phase").asText()).isEqualTo("REFUNDING");
        assertThat(json.get("lines").get(0).get("state").asText()).isEqualTo("HELD");
        assertThat(json.get("amount").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(json.has("commandGateway")).isFalse();

        saga.handle(new ReturnRefundDeclinedEvent(customerId, orderId, returnId, new BigDecimal("20.00"), "spent"));
        assertThat(saga.dispatched())
                .containsExactly(
                        new CancelStockReturnCommand(book, returnId),
                        new FailReturnCommand(orderId, returnId, "the refund was declined: spent"));
        assertThat(saga.deadlineManager().getScheduledDeadlines())
                .as("the return deadline found by its stored id")
                .isEmpty();

        saga.handle(new StockReturnCancelledEvent(book, orderId, returnId, 2));
        saga.handle(new ReturnFailedEvent(orderId, returnId, customerId, lines, "the refund was declined: spent"));
        assertThat(saga.store().size()).as("ended").isZero();
    }
}
