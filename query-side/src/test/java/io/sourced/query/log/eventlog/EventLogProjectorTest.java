package io.sourced.query.log.eventlog;

import static io.sourced.query.ViewDatabase.count;
import static io.sourced.query.log.eventlog.EventStoreDatabase.REST_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sourced.api.finance.AccountOpenedEvent;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.FundsDepositedEvent;
import io.sourced.api.finance.FundsWithdrawnEvent;
import io.sourced.api.finance.PaymentAuthorizedEvent;
import io.sourced.api.finance.PaymentDeclinedEvent;
import io.sourced.api.finance.PaymentRefundedEvent;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.ProductRestockedEvent;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.StockReleasedEvent;
import io.sourced.api.inventory.StockReservationRejectedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.inventory.StockReturnedEvent;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderRejectedEvent;
import io.sourced.api.ordering.PricedLine;
import io.sourced.api.ordering.RejectionReason;
import io.sourced.api.ordering.ReturnId;
import io.sourced.api.ordering.ReturnRequestedEvent;
import io.sourced.query.ViewDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class EventLogProjectorTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:00:00.250Z");

    private final OrderId orderId = OrderId.random();
    private final CustomerId customerId = CustomerId.random();
    private final ProductId apples = ProductId.random();

    private JdbcTemplate jdbc;
    private AnnotationEventHandlerAdapter projector;
    private EventIndex index;

    @BeforeEach
    void setUp() {
        jdbc = ViewDatabase.migrated();
        projector = new AnnotationEventHandlerAdapter(new EventLogProjector(jdbc, REST_JSON));
        index = new EventIndex(jdbc, REST_JSON);
    }

    private TrackedEventMessage<?> tracked(
            long position, String type, String aggregateId, long sequence, Object payload, String traceId) {
        return tracked(
                GapAwareTrackingToken.newInstance(position, Set.of()),
                position,
                type,
                aggregateId,
                sequence,
                payload,
                traceId);
    }

    private TrackedEventMessage<?> tracked(
            GapAwareTrackingToken token,
            long position,
            String type,
            String aggregateId,
            long sequence,
            Object payload,
            String traceId) {
        return new GenericTrackedDomainEventMessage<>(
                token,
                new GenericDomainEventMessage<>(
                        type,
                        aggregateId,
                        sequence,
                        payload,
                        MetaData.with("username", "alice")
                                .and("traceId", traceId)
                                .and("correlationId", "c-" + position),
                        "event-" + position,
                        AT.plusMillis(position)));
    }

    private TrackedEventMessage<?> placed(long position) {
        return tracked(
                position,
                "Order",
                orderId.value(),
                0,
                new OrderPlacedEvent(orderId, customerId, List.of(new OrderLine(apples, 2))),
                "trace-1");
    }

    @Test
    void anyEvent_isIndexedWithItsPositionTraceOrderAndCustomer() throws Exception {
        projector.handle(placed(5));

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM event_log_view");
        assertThat(row)
                .containsEntry("position", 5L)
                .containsEntry("aggregate_type", "Order")
                .containsEntry("aggregate_id", orderId.value())
                .containsEntry("sequence", 0L)
                .containsEntry("type", "OrderPlacedEvent")
                .containsEntry("revision", "1")
                .containsEntry("trace_id", "trace-1")
                .containsEntry("correlation_id", "c-5")
                .containsEntry("username", "alice")
                .containsEntry("order_id", orderId.value())
                .containsEntry("customer_id", customerId.value());
        assertThat(REST_JSON
                        .readTree((String) row.get("payload"))
                        .path("lines")
                        .get(0)
                        .path("productId")
                        .asText())
                .isEqualTo(apples.value());
        assertThat(REST_JSON
                        .readTree((String) row.get("metadata"))
                        .path("username")
                        .asText())
                .isEqualTo("alice");
    }

    @Test
    void everyEventType_isIndexedAsTheApiMapsIt_payloadAndMetadataTextAndWhatItIsLookedUpBy() throws Exception {
        BigDecimal amount = new BigDecimal("12.50");
        BigDecimal balance = new BigDecimal("7.00");
        List<Object> payloads = List.of(
                new OrderPlacedEvent(orderId, customerId, List.of(new OrderLine(apples, 2))),
                new OrderAcceptedEvent(orderId, customerId, amount),
                new OrderRejectedEvent(orderId, customerId, RejectionReason.OUT_OF_STOCK),
                new OrderCancelledEvent(orderId, customerId),
                new ProductRegisteredEvent(apples, "Apples", new BigDecimal("0.40"), 10, "Fruit"),
                new ProductRestockedEvent(apples, 5, null),
                new StockReservedEvent(apples, orderId, 2, new BigDecimal("1.50")),
                new StockReservationRejectedEvent(apples, orderId, 2, 1),
                new StockReleasedEvent(apples, orderId, 2),
                new ReservationConfirmedEvent(apples, orderId, 2),
                new AccountOpenedEvent(customerId, "Alice"),
                new FundsDepositedEvent(customerId, amount, balance, null),
                new FundsWithdrawnEvent(customerId, amount, balance, null),
                new PaymentAuthorizedEvent(customerId, orderId, amount, balance),
                new PaymentDeclinedEvent(customerId, orderId, amount, balance),
                new PaymentRefundedEvent(customerId, orderId, amount, balance));
        EventMapper api = new EventMapper(REST_JSON);
        for (int i = 0; i < payloads.size(); i++) {
            TrackedEventMessage<?> message = tracked(i, "Aggregate", "a-" + i, i, payloads.get(i), "trace-" + i);
            projector.handle(message);
            Event event = api.toEvent(message, i);

            Map<String, Object> row = jdbc.queryForMap("SELECT * FROM event_log_view WHERE position = ?", i);
            assertThat(row)
                    .as(event.type())
                    .containsEntry("payload", REST_JSON.writeValueAsString(event.payload()))
                    .containsEntry("metadata", REST_JSON.writeValueAsString(event.metadata()))
                    .containsEntry("order_id", text(event.payload(), "orderId"))
                    .containsEntry("customer_id", text(event.payload(), "customerId"))
                    .containsEntry("trace_id", "trace-" + i)
                    .containsEntry("revision", event.revision())
                    .containsEntry("type", event.type());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    @Test
    void indexedEvents_readBack_asTheFeedWouldServeThem() throws Exception {
        TrackedEventMessage<?> reserved = tracked(
                6,
                "Product",
                apples.value(),
                3,
                new StockReservedEvent(apples, orderId, 2, new BigDecimal("1.50")),
                "trace-1");
        projector.handle(placed(5));
        projector.handle(reserved);

        List<EventIndex.Indexed> history = index.ofAggregate(apples.value(), -1, 100);

        assertThat(history).singleElement().satisfies(indexed -> {
            assertThat(indexed.customerId()).isNull();
            assertThat(REST_JSON.writeValueAsString(indexed.event()))
                    .isEqualTo(REST_JSON.writeValueAsString(new EventMapper(REST_JSON).toEvent(reserved, 6)))
                    .contains("\"unitPrice\":1.50");
        });
        assertThat(index.traceOf(orderId.value())).extracting(Event::position).containsExactly(5L, 6L);
        assertThat(index.placementOf(orderId.value()))
                .contains(new EventIndex.Placement("trace-1", customerId.value()));
        assertThat(index.placementOf(OrderId.random().value())).isEmpty();
    }

    @Test
    void anEventFillingAGap_isIndexedAtItsOwnPosition() throws Exception {
        ProductId pears = ProductId.random();
        projector.handle(placed(1));
        projector.handle(tracked(
                GapAwareTrackingToken.newInstance(4, Set.of(2L, 3L)),
                4,
                "Product",
                apples.value(),
                0,
                new StockReservedEvent(apples, orderId, 2, new BigDecimal("1.50")),
                "trace-1"));
        // position 3 commits after 4 was read, 2 stays missing (rolled back)
        projector.handle(tracked(
                GapAwareTrackingToken.newInstance(4, Set.of(2L)),
                3,
                "Product",
                pears.value(),
                0,
                new StockReservedEvent(pears, orderId, 1, new BigDecimal("2.00")),
                "trace-1"));

        assertThat(jdbc.queryForList("SELECT aggregate_id FROM event_log_view ORDER BY position", String.class))
                .containsExactly(orderId.value(), pears.value(), apples.value());
        assertThat(index.traceOf(orderId.value())).extracting(Event::position).containsExactly(1L, 3L, 4L);
    }

    @Test
    void aRedeliveredEvent_isIndexedOnce() throws Exception {
        TrackedEventMessage<?> event = placed(5);

        projector.handle(event);
        projector.handle(event);

        assertThat(count(jdbc, "event_log_view")).isEqualTo(1);
    }

    @Test
    void anEventReplayed_isIndexedAtItsPosition() throws Exception {
        TrackedEventMessage<?> event = placed(5);
        projector.prepareReset(null);

        projector.handle(event.withTrackingToken(
                ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(9, Set.of()), event.trackingToken())));

        assertThat(jdbc.queryForObject("SELECT position FROM event_log_view", Long.class))
                .isEqualTo(5L);
    }

    @Test
    void reset_clearsTheIndex() throws Exception {
        projector.handle(placed(5));

        projector.prepareReset(null);

        assertThat(count(jdbc, "event_log_view")).isZero();
    }

    @Test
    void anOrdersTrace_holdsItsPlacementsTraceAndEachOfItsReturns() throws Exception {
        ReturnId returnId = ReturnId.random();
        List<PricedLine> lines = List.of(new PricedLine(apples, 1, new BigDecimal("1.50")));
        projector.handle(placed(1));
        projector.handle(tracked(
                2,
                "Product",
                apples.value(),
                0,
                new StockReservedEvent(apples, orderId, 2, new BigDecimal("1.50")),
                "trace-1"));
        projector.handle(tracked(
                3,
                "Order",
                orderId.value(),
                1,
                new ReturnRequestedEvent(orderId, returnId, customerId, lines, new BigDecimal("1.50"), "bruised"),
                "trace-2"));
        projector.handle(tracked(
                4, "Product", apples.value(), 1, new StockReturnedEvent(apples, orderId, returnId, 1), "trace-2"));
        projector.handle(tracked(
                5,
                "Order",
                OrderId.random().value(),
                0,
                new OrderPlacedEvent(OrderId.random(), customerId, List.of(new OrderLine(apples, 1))),
                "trace-3"));

        assertThat(index.traceOf(orderId.value())).extracting(Event::position).containsExactly(1L, 2L, 3L, 4L);
    }
}
