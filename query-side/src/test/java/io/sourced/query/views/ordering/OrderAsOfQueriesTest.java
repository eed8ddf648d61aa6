package io.sourced.query.views.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.FindOrderAsOfQuery;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderLineView;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderReturnView;
import io.sourced.api.ordering.OrderStatus;
import io.sourced.api.ordering.OrderView;
import io.sourced.api.ordering.PricedLine;
import io.sourced.api.ordering.ReturnCompletedEvent;
import io.sourced.api.ordering.ReturnId;
import io.sourced.api.ordering.ReturnRequestedEvent;
import io.sourced.api.ordering.ReturnStatus;
import io.sourced.query.InMemoryLog;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

class OrderAsOfQueriesTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private final OrderId orderId = OrderId.random();
    private final OrderId otherOrder = OrderId.random();
    private final CustomerId customerId = CustomerId.random();
    private final ProductId pen = ProductId.random();
    private final ProductId ink = ProductId.random();
    private final InMemoryLog log = new InMemoryLog()
            .record("Product", pen, new ProductRegisteredEvent(pen, "Pen", new BigDecimal("2.00"), 10), T0)
            .record("Product", ink, new ProductRegisteredEvent(ink, "Ink", new BigDecimal("3.00"), 10), T0)
            .record(
                    "Order",
                    orderId,
                    new OrderPlacedEvent(orderId, customerId, List.of(new OrderLine(pen, 2), new OrderLine(ink, 1))),
                    T0.plusSeconds(1))
            .record(
                    "Product",
                    pen,
                    new StockReservedEvent(pen, otherOrder, 5, new BigDecimal("2.00")),
                    T0.plusSeconds(1))
            .record("Product", pen, new StockReservedEvent(pen, orderId, 2, new BigDecimal("2.00")), T0.plusSeconds(2))
            .record("Product", ink, new StockReservedEvent(ink, orderId, 1, new BigDecimal("3.00")), T0.plusSeconds(3))
            .record(
                    "Order",
                    orderId,
                    new OrderAcceptedEvent(orderId, customerId, new BigDecimal("7.00")),
                    T0.plusSeconds(4));
    private final OrderAsOfQueries queries = new OrderAsOfQueries(log.store());

    private OrderView asOf(Instant at) {
        return queries.handle(new FindOrderAsOfQuery(orderId, at)).orElse(null);
    }

    @Test
    void asOf_beforeThePlacement_isEmpty_andAProductIdIsNoOrder() {
        assertThat(asOf(T0)).isNull();
        assertThat(queries.handle(new FindOrderAsOfQuery(OrderId.of(pen.value()), T0.plusSeconds(60))))
                .isEmpty();
    }

    @Test
    void asOf_followsTheOrderAndItsLinesReservations() {
        assertThat(asOf(T0.plusSeconds(1)))
                .isEqualTo(new OrderView(
                        orderId,
                        customerId,
                        OrderStatus.PENDING,
                        null,
                        List.of(new OrderLineView(pen, 2, null), new OrderLineView(ink, 1, null)),
                        null,
                        T0.plusSeconds(1),
                        null));
        assertThat(asOf(T0.plusSeconds(2)).lines())
                .containsExactly(new OrderLineView(pen, 2, new BigDecimal("2.00"), 2), new OrderLineView(ink, 1, null));
        assertThat(asOf(T0.plusSeconds(2)).total()).isNull();
        assertThat(asOf(T0.plusSeconds(3)).total()).isEqualByComparingTo("7.00");
        OrderView accepted = asOf(T0.plusSeconds(4));
        assertThat(accepted.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(accepted.completedAt()).isEqualTo(T0.plusSeconds(4));
        assertThat(accepted.lines()).extracting(OrderLineView::filled).containsExactly(2, 1);
    }

    @Test
    void asOf_ofAnotherCustomersOrder_isRefusedBeforeAnyProductsEventsAreRead() {
        EventStore store = spy(log.store());
        OrderAsOfQueries counted = new OrderAsOfQueries(store);

        assertThat(counted.handle(new FindOrderAsOfQuery(orderId, T0.plusSeconds(60), CustomerId.random())))
                .isEmpty();
        verify(store).readEvents(orderId.value(), 0L);
        verify(store, never()).readEvents(eq(pen.value()), anyLong());
        verify(store, never()).readEvents(eq(ink.value()), anyLong());

        assertThat(counted.handle(new FindOrderAsOfQuery(orderId, T0.plusSeconds(60), customerId)))
                .hasValueSatisfying(order -> assertThat(order.status()).isEqualTo(OrderStatus.ACCEPTED));
        verify(store).readEvents(pen.value(), 0L);
    }

    @Test
    void asOf_ofAProductsId_readsNoMoreThanItsFirstEvent() {
        EventStore store = spy(log.store());
        DomainEventStream[] read = new DomainEventStream[1];
        doAnswer(call -> read[0] = (DomainEventStream) call.callRealMethod())
                .when(store)
                .readEvents(pen.value(), 0L);

        assertThat(new OrderAsOfQueries(store)
                        .handle(new FindOrderAsOfQuery(OrderId.of(pen.value()), T0.plusSeconds(60))))
                .isEmpty();
        assertThat(read[0].hasNext())
                .as("the rest of the product's events, left unread")
                .isTrue();
    }

    @Test
    void asOf_followsAReturn_fromItsRequestToItsEnd() {
        ReturnId returnId = ReturnId.random();
        List<PricedLine> onePen = List.of(new PricedLine(pen, 1, new BigDecimal("2.00")));
        log.record(
                        "Order",
                        orderId,
                        new ReturnRequestedEvent(orderId, returnId, customerId, onePen, new BigDecimal("2.00"), "x"),
                        T0.plusSeconds(10))
                .record(
                        "Order",
                        orderId,
                        new ReturnCompletedEvent(
                                orderId, returnId, customerId, onePen, new BigDecimal("2.00"), OrderStatus.ACCEPTED),
                        T0.plusSeconds(20));

        assertThat(asOf(T0.plusSeconds(15)).returns())
                .extracting(OrderReturnView::status)
                .containsExactly(ReturnStatus.REQUESTED);
        assertThat(asOf(T0.plusSeconds(15)).lines())
                .extracting(OrderLineView::returning)
                .containsExactly(1, 0);
        OrderView after = asOf(T0.plusSeconds(20));
        assertThat(after.returns()).extracting(OrderReturnView::status).containsExactly(ReturnStatus.COMPLETED);
        assertThat(after.lines()).extracting(OrderLineView::returned).containsExactly(1, 0);
        assertThat(after.refunded()).isEqualByComparingTo("2.00");
    }
}
