package io.sourced.query.views.ordering;

import static io.sourced.query.ViewDatabase.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.FindOrderQuery;
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
import io.sourced.api.ordering.ReturnFailedEvent;
import io.sourced.api.ordering.ReturnId;
import io.sourced.api.ordering.ReturnRequestedEvent;
import io.sourced.api.ordering.ReturnStatus;
import io.sourced.query.Deliver;
import io.sourced.query.ViewDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** An accepted order's returns in the orders view: asked, completed or failed, each line's units and the refund. */
class OrderReturnsViewTest {

    private static final Instant PLACED_AT = Instant.parse("2026-12-08T10:00:00Z");
    private static final Instant ASKED_AT = Instant.parse("2026-12-09T09:00:00Z");
    private static final Instant ENDED_AT = Instant.parse("2026-12-09T09:00:05Z");

    private final OrderId orderId = OrderId.random();
    private final CustomerId customerId = CustomerId.random();
    private final ProductId apples = ProductId.random();
    private final ProductId pears = ProductId.random();
    private final ReturnId returnId = ReturnId.random();
    private final BigDecimal applePrice = new BigDecimal("1.25");
    private final BigDecimal pearPrice = new BigDecimal("2.10");
    private final List<PricedLine> oneApple = List.of(new PricedLine(apples, 1, applePrice));

    private QueryUpdateEmitter emitter;
    private JdbcTemplate jdbc;
    private Deliver deliver;
    private OrderViewQueries queries;

    @BeforeEach
    void setUp() {
        jdbc = ViewDatabase.migrated();
        emitter = mock(QueryUpdateEmitter.class);
        when(emitter.activeSubscriptions()).thenReturn(Set.of(mock(SubscriptionQueryMessage.class)));
        deliver = Deliver.to(new OrderViewProjector(jdbc, emitter));
        queries = new OrderViewQueries(jdbc);
        deliver.on(
                new OrderPlacedEvent(orderId, customerId, List.of(new OrderLine(apples, 2), new OrderLine(pears, 1))),
                PLACED_AT);
        deliver.on(new StockReservedEvent(apples, orderId, 2, applePrice));
        deliver.on(new StockReservedEvent(pears, orderId, 1, pearPrice));
        deliver.on(new OrderAcceptedEvent(
                orderId,
                customerId,
                new BigDecimal("4.60"),
                List.of(),
                List.of(new PricedLine(apples, 2, applePrice), new PricedLine(pears, 1, pearPrice))));
    }

    private ReturnRequestedEvent requested(ReturnId id, List<PricedLine> lines) {
        return new ReturnRequestedEvent(orderId, id, customerId, lines, PricedLine.amountOf(lines), "bruised");
    }

    @Test
    void returnRequested_marksItsUnitsReturning_andListsTheReturn() {
        clearInvocations(emitter);

        deliver.on(requested(returnId, oneApple), ASKED_AT);

        OrderView order = queries.find(orderId).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(order.lines())
                .extracting(OrderLineView::returned, OrderLineView::returning, OrderLineView::returnable)
                .containsExactly(tuple(0, 1, 1), tuple(0, 0, 1));
        assertThat(order.refunded()).isEqualByComparingTo("0");
        assertThat(order.returns())
                .containsExactly(new OrderReturnView(
                        returnId, ReturnStatus.REQUESTED, oneApple, applePrice, "bruised", null, ASKED_AT, null));
        verify(emitter).emit(eq(FindOrderQuery.class), any(Predicate.class), eq(order));
    }

    @Test
    void returnCompleted_ofSomeUnits_marksTheLinePartlyReturnedAndAddsTheRefund() {
        deliver.on(requested(returnId, oneApple), ASKED_AT);

        deliver.on(
                new ReturnCompletedEvent(orderId, returnId, customerId, oneApple, applePrice, OrderStatus.ACCEPTED),
                ENDED_AT);

        OrderView order = queries.find(orderId).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(order.lines())
                .extracting(OrderLineView::returned, OrderLineView::returning, OrderLineView::partlyReturned)
                .containsExactly(tuple(1, 0, true), tuple(0, 0, false));
        assertThat(order.refunded()).isEqualByComparingTo("1.25");
        assertThat(order.returns())
                .extracting(OrderReturnView::status, OrderReturnView::endedAt)
                .containsExactly(tuple(ReturnStatus.COMPLETED, ENDED_AT));
    }

    @Test
    void returnCompleted_ofEveryUnit_returnsTheOrder() {
        List<PricedLine> all = List.of(new PricedLine(apples, 2, applePrice), new PricedLine(pears, 1, pearPrice));
        deliver.on(requested(returnId, all), ASKED_AT);

        deliver.on(
                new ReturnCompletedEvent(
                        orderId, returnId, customerId, all, new BigDecimal("4.60"), OrderStatus.RETURNED),
                ENDED_AT);

        OrderView order = queries.find(orderId).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.RETURNED);
        assertThat(order.refunded()).isEqualByComparingTo("4.60");
        assertThat(order.lines()).extracting(OrderLineView::returned).containsExactly(2, 1);
        assertThat(queries.page(null, OrderStatus.RETURNED, 0, 10).items())
                .extracting(OrderView::orderId)
                .containsExactly(orderId);
    }

    @Test
    void returnFailed_givesItsUnitsBack_withTheReason() {
        deliver.on(requested(returnId, oneApple), ASKED_AT);

        deliver.on(new ReturnFailedEvent(orderId, returnId, customerId, oneApple, "the refund was declined"), ENDED_AT);

        OrderView order = queries.find(orderId).orElseThrow();
        assertThat(order.lines()).extracting(OrderLineView::returning).containsExactly(0, 0);
        assertThat(order.refunded()).isEqualByComparingTo("0");
        assertThat(order.returns())
                .extracting(OrderReturnView::status, OrderReturnView::failureReason)
                .containsExactly(tuple(ReturnStatus.FAILED, "the refund was declined"));
    }

    @Test
    void returnEvents_deliveredTwice_countOnce() {
        ReturnCompletedEvent completed =
                new ReturnCompletedEvent(orderId, returnId, customerId, oneApple, applePrice, OrderStatus.ACCEPTED);
        deliver.on(requested(returnId, oneApple), ASKED_AT);
        deliver.on(completed, ENDED_AT);

        deliver.on(requested(returnId, oneApple), ASKED_AT);
        deliver.on(completed, ENDED_AT);

        OrderView order = queries.find(orderId).orElseThrow();
        assertThat(order.lines()).extracting(OrderLineView::returned).containsExactly(1, 0);
        assertThat(order.refunded()).isEqualByComparingTo("1.25");
        assertThat(count(jdbc, "order_return_view")).isOne();
        assertThat(count(jdbc, "order_return_line_view")).isOne();
    }

    @Test
    void twoReturns_areListedOldestFirst() {
        ReturnId second = ReturnId.random();
        deliver.on(requested(returnId, oneApple), ASKED_AT);
        deliver.on(requested(second, List.of(new PricedLine(pears, 1, pearPrice))), ENDED_AT);

        assertThat(queries.find(orderId).orElseThrow().returns())
                .extracting(OrderReturnView::returnId)
                .containsExactly(returnId, second);
    }
}
