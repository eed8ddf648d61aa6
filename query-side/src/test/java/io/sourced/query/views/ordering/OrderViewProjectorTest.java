package io.sourced.query.views.ordering;

import static io.sourced.query.ViewDatabase.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.StockReservationRejectedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.FindOrderQuery;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderLineView;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderRejectedEvent;
import io.sourced.api.ordering.OrderStatus;
import io.sourced.api.ordering.OrderView;
import io.sourced.api.ordering.RejectionReason;
import io.sourced.query.BatchEquivalence;
import io.sourced.query.Deliver;
import io.sourced.query.ViewDatabase;
import io.sourced.query.WorkflowEvents;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.jdbc.core.JdbcTemplate;

class OrderViewProjectorTest {

    private static final Instant PLACED_AT = Instant.parse("2026-11-26T10:15:30.123456Z");
    private static final Instant COMPLETED_AT = Instant.parse("2026-11-26T10:15:31Z");

    private final OrderId orderId = OrderId.random();
    private final CustomerId customerId = CustomerId.random();
    private final ProductId apples = ProductId.random();
    private final ProductId pears = ProductId.random();

    private JdbcTemplate jdbc;
    private QueryUpdateEmitter emitter;
    private OrderViewProjector projector;
    private Deliver deliver;
    private OrderViewQueries queries;

    @BeforeEach
    void setUp() {
        jdbc = ViewDatabase.migrated();
        emitter = mock(QueryUpdateEmitter.class);
        when(emitter.activeSubscriptions()).thenReturn(Set.of(mock(SubscriptionQueryMessage.class)));
        projector = new OrderViewProjector(jdbc, emitter);
        deliver = Deliver.to(projector);
        queries = new OrderViewQueries(jdbc);
    }

    @Test
    void orderPlaced_showsPendingOrderWithUnpricedLinesInOrder() {
        placeApplesAndPears();

        assertThat(queries.find(orderId))
                .contains(new OrderView(
                        orderId,
                        customerId,
                        OrderStatus.PENDING,
                        null,
                        List.of(new OrderLineView(apples, 2, null), new OrderLineView(pears, 3, null)),
                        null,
                        PLACED_AT,
                        null));
    }

    @Test
    void orderPlaced_again_isSkipped() {
        placeApplesAndPears();
        deliver.on(
                new OrderPlacedEvent(orderId, customerId, List.of(new OrderLine(apples, 9))),
                PLACED_AT.plusSeconds(60));

        assertThat(queries.find(orderId).orElseThrow().lines())
                .extracting(OrderLineView::quantity)
                .containsExactly(2, 3);
        assertThat(count(jdbc, "order_view")).isOne();
    }

    @Test
    void stockReserved_pricesItsLine_andLeavesTheTotalOpenWhileALineIsUnpriced() {
        placeApplesAndPears();

        deliver.on(new StockReservedEvent(apples, orderId, 2, new BigDecimal("1.25")));

        OrderView order = queries.find(orderId).orElseThrow();
        assertThat(order.lines()).extracting(OrderLineView::unitPrice).containsExactly(new BigDecimal("1.25"), null);
        assertThat(order.total()).isNull();
    }

    @Test
    void stockReserved_forTheLastLine_setsTheTotal() {
        placeApplesAndPears();

        deliver.on(new StockReservedEvent(pears, orderId, 3, new BigDecimal("2.10")));
        deliver.on(new StockReservedEvent(apples, orderId, 2, new BigDecimal("1.25")));

        assertThat(queries.find(orderId).orElseThrow().total()).isEqualByComparingTo("8.80");
    }

    @Test
    void stockReserved_ofAnotherOrder_changesNothingAndEmitsNothing() {
        placeApplesAndPears();
        OrderId unknown = OrderId.random();
        clearInvocations(emitter);

        deliver.on(new StockReservedEvent(apples, unknown, 2, new BigDecimal("1.25")));

        assertThat(queries.find(orderId).orElseThrow().lines())
                .extracting(OrderLineView::unitPrice)
                .containsOnlyNulls();
        verify(emitter, never()).emit(eq(FindOrderQuery.class), any(Predicate.class), any(OrderView.class));
    }

    @Test
    void orderAccepted_isAcceptedWithTheEventsTotalAndCompletionTime() {
        placeApplesAndPears();
        reserveBoth();

        deliver.on(new OrderAcceptedEvent(orderId, customerId, new BigDecimal("8.80")), COMPLETED_AT);

        OrderView order = queries.find(orderId).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(order.total()).isEqualByComparingTo("8.80");
        assertThat(order.rejectionReason()).isNull();
        assertThat(order.completedAt()).isEqualTo(COMPLETED_AT);
        assertThat(order.placedAt()).isEqualTo(PLACED_AT);
    }

    @Test
    void orderRejected_isRejectedWithItsReasonAndCompletionTime() {
        placeApplesAndPears();

        deliver.on(new OrderRejectedEvent(orderId, customerId, RejectionReason.OUT_OF_STOCK), COMPLETED_AT);

        OrderView order = queries.find(orderId).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.rejectionReason()).isEqualTo(RejectionReason.OUT_OF_STOCK);
        assertThat(order.completedAt()).isEqualTo(COMPLETED_AT);
        assertThat(order.total()).isNull();
    }

    @Test
    void stockReserved_afterTheOrderWasRejected_leavesTheTotalOpen() {
        placeApplesAndPears();
        deliver.on(new StockReservedEvent(apples, orderId, 2, new BigDecimal("1.25")));
        deliver.on(new OrderRejectedEvent(orderId, customerId, RejectionReason.TIMEOUT), COMPLETED_AT);

        deliver.on(new StockReservedEvent(pears, orderId, 3, new BigDecimal("2.10")));

        OrderView order = queries.find(orderId).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.total()).isNull();
    }

    @Test
    void orderCancelled_isCancelledWithCompletionTime() {
        placeApplesAndPears();

        deliver.on(new OrderCancelledEvent(orderId, customerId), COMPLETED_AT);

        OrderView order = queries.find(orderId).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.rejectionReason()).isNull();
        assertThat(order.completedAt()).isEqualTo(COMPLETED_AT);
    }

    @Test
    void orderPlaced_handledByAxon_isPlacedAtTheEventsTimestamp_andResetEmptiesTheView() throws Exception {
        AnnotationEventHandlerAdapter axon = new AnnotationEventHandlerAdapter(projector);

        axon.handle(new GenericEventMessage<>(
                UUID.randomUUID().toString(),
                new OrderPlacedEvent(orderId, customerId, List.of(new OrderLine(apples, 1))),
                MetaData.emptyInstance(),
                PLACED_AT));

        assertThat(queries.find(orderId).orElseThrow().placedAt()).isEqualTo(PLACED_AT);
        axon.prepareReset();
        assertThat(count(jdbc, "order_view")).isZero();
    }

    @Test
    void reset_deletesEveryOrderAndLine() {
        placeApplesAndPears();
        deliver.on(new OrderPlacedEvent(OrderId.random(), customerId, List.of(new OrderLine(apples, 1))), PLACED_AT);

        projector.reset();

        assertThat(count(jdbc, "order_view")).isZero();
        assertThat(count(jdbc, "order_line_view")).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOrderChange_emitsTheFreshViewToThatOrdersSubscribers() {
        placeApplesAndPears();
        reserveBoth();
        deliver.on(new OrderAcceptedEvent(orderId, customerId, new BigDecimal("8.80")), COMPLETED_AT);

        ArgumentCaptor<Predicate<FindOrderQuery>> filters = ArgumentCaptor.forClass(Predicate.class);
        ArgumentCaptor<OrderView> views = ArgumentCaptor.forClass(OrderView.class);
        verify(emitter, times(4)).emit(eq(FindOrderQuery.class), filters.capture(), views.capture());
        assertThat(views.getAllValues())
                .extracting(OrderView::status)
                .containsExactly(OrderStatus.PENDING, OrderStatus.PENDING, OrderStatus.PENDING, OrderStatus.ACCEPTED);
        assertThat(views.getAllValues().get(3)).isEqualTo(queries.find(orderId).orElseThrow());
        assertThat(filters.getAllValues()).allSatisfy(filter -> {
            assertThat(filter.test(new FindOrderQuery(orderId))).isTrue();
            assertThat(filter.test(new FindOrderQuery(OrderId.random()))).isFalse();
        });
    }

    @Test
    void withNoSubscriber_nothingIsReadBackToEmit() {
        when(emitter.activeSubscriptions()).thenReturn(Set.of());
        placeApplesAndPears();
        reserveBoth();

        verify(emitter, never()).emit(eq(FindOrderQuery.class), any(Predicate.class), any(OrderView.class));
        assertThat(queries.find(orderId).orElseThrow().lines()).hasSize(2);
    }

    @Test
    void orderAcceptedInPart_showsPerLineWhatWasFilledAndLost() {
        placeApplesAndPears();
        deliver.on(new StockReservedEvent(apples, orderId, 1, new BigDecimal("1.25"), 2));
        deliver.on(new StockReservationRejectedEvent(pears, orderId, 3, 0));
        deliver.on(
                new OrderAcceptedEvent(
                        orderId,
                        customerId,
                        new BigDecimal("1.25"),
                        List.of(new OrderLine(apples, 1), new OrderLine(pears, 3))),
                COMPLETED_AT);

        OrderView order = queries.find(orderId).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(order.total()).isEqualByComparingTo("1.25");
        assertThat(order.lines())
                .containsExactly(
                        new OrderLineView(apples, 2, new BigDecimal("1.25"), 1), new OrderLineView(pears, 3, null, 0));
        assertThat(order.lines()).extracting(OrderLineView::lost).containsExactly(1, 3);
    }

    @Test
    void orderAccepted_whole_showsEveryLineFilled() {
        placeApplesAndPears();
        reserveBoth();
        deliver.on(new OrderAcceptedEvent(orderId, customerId, new BigDecimal("8.80")), COMPLETED_AT);

        assertThat(queries.find(orderId).orElseThrow().lines())
                .extracting(OrderLineView::filled, OrderLineView::lost)
                .containsExactly(tuple(2, 0), tuple(3, 0));
    }

    private void placeApplesAndPears() {
        deliver.on(
                new OrderPlacedEvent(orderId, customerId, List.of(new OrderLine(apples, 2), new OrderLine(pears, 3))),
                PLACED_AT);
    }

    private void reserveBoth() {
        deliver.on(new StockReservedEvent(apples, orderId, 2, new BigDecimal("1.25")));
        deliver.on(new StockReservedEvent(pears, orderId, 3, new BigDecimal("2.10")));
    }

    @Test
    void eventsInBatches_writeWhatTheyWriteOneByOne() {
        BatchEquivalence.assertBatchesWriteWhatSingleEventsWrite(
                jdbc -> new OrderViewProjector(jdbc, mock(QueryUpdateEmitter.class)),
                WorkflowEvents.messages(),
                "order_view",
                "order_line_view",
                "order_return_view",
                "order_return_line_view");
    }
}
