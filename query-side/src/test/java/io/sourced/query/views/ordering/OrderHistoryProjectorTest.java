package io.sourced.query.views.ordering;

import static io.sourced.query.ViewDatabase.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.PaymentAuthorizedEvent;
import io.sourced.api.finance.PaymentDeclinedEvent;
import io.sourced.api.finance.PaymentRefundedEvent;
import io.sourced.api.finance.ReturnRefundDeclinedEvent;
import io.sourced.api.finance.ReturnRefundedEvent;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.ReturnedStockReleasedEvent;
import io.sourced.api.inventory.StockReleasedEvent;
import io.sourced.api.inventory.StockReservationRejectedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.inventory.StockReturnCancelledEvent;
import io.sourced.api.inventory.StockReturnedEvent;
import io.sourced.api.ordering.FindOrderHistoryQuery;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderHistoryEntry;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderRejectedEvent;
import io.sourced.api.ordering.OrderStatus;
import io.sourced.api.ordering.PricedLine;
import io.sourced.api.ordering.RejectionReason;
import io.sourced.api.ordering.ReturnCompletedEvent;
import io.sourced.api.ordering.ReturnFailedEvent;
import io.sourced.api.ordering.ReturnId;
import io.sourced.api.ordering.ReturnRequestedEvent;
import io.sourced.query.BatchEquivalence;
import io.sourced.query.LocalQueries;
import io.sourced.query.ViewDatabase;
import io.sourced.query.WorkflowEvents;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class OrderHistoryProjectorTest {

    private final OrderId orderId = OrderId.random();
    private final OrderId otherOrder = OrderId.random();
    private final CustomerId customerId = CustomerId.random();
    private final ProductId apples = ProductId.random();
    private final ProductId pears = ProductId.random();

    private JdbcTemplate jdbc;
    private AnnotationEventHandlerAdapter projector;
    private OrderHistoryQueries queries;

    @BeforeEach
    void setUp() throws Exception {
        jdbc = ViewDatabase.migrated();
        projector = new AnnotationEventHandlerAdapter(new OrderHistoryProjector(jdbc));
        queries = new OrderHistoryQueries(jdbc);
    }

    private EventMessage<?> handle(Object event, String username) throws Exception {
        EventMessage<?> message =
                GenericEventMessage.asEventMessage(event).andMetaData(MetaData.with("username", username));
        projector.handle(message);
        return message;
    }

    private List<OrderHistoryEntry> history(OrderId order) {
        return queries.handle(new FindOrderHistoryQuery(order));
    }

    @Test
    void everyEventOfAnAcceptedOrder_isRecordedInLogOrder_withWhoCausedIt() throws Exception {
        handle(
                new OrderPlacedEvent(orderId, customerId, List.of(new OrderLine(apples, 2), new OrderLine(pears, 1))),
                "alice");
        handle(new StockReservedEvent(apples, orderId, 2, new BigDecimal("1.50")), "alice");
        handle(new StockReservedEvent(pears, orderId, 1, new BigDecimal("2.00")), "alice");
        handle(
                new PaymentAuthorizedEvent(customerId, orderId, new BigDecimal("5.00"), new BigDecimal("95.00")),
                "alice");
        handle(new OrderAcceptedEvent(orderId, customerId, new BigDecimal("5.00")), "alice");
        handle(new ReservationConfirmedEvent(apples, orderId, 2), "alice");
        handle(new ReservationConfirmedEvent(pears, orderId, 1), "alice");
        handle(new OrderPlacedEvent(otherOrder, customerId, List.of(new OrderLine(apples, 1))), "bob");

        List<OrderHistoryEntry> history = history(orderId);

        assertThat(history)
                .extracting(OrderHistoryEntry::event)
                .containsExactly(
                        "OrderPlacedEvent",
                        "StockReservedEvent",
                        "StockReservedEvent",
                        "PaymentAuthorizedEvent",
                        "OrderAcceptedEvent",
                        "ReservationConfirmedEvent",
                        "ReservationConfirmedEvent");
        assertThat(history).extracting(OrderHistoryEntry::username).containsOnly("alice");
        assertThat(history).allSatisfy(entry -> assertThat(entry.at()).isNotNull());
        assertThat(history.get(0).description()).isEqualTo("Order placed: 2 line(s), 3 unit(s)");
        assertThat(history.get(1).description()).isEqualTo("Stock reserved: 2 at 1.50 each");
        assertThat(history.get(1).productId()).isEqualTo(apples);
        assertThat(history.get(4).description()).isEqualTo("Order accepted, total 5.00");
        assertThat(history(otherOrder)).hasSize(1);
    }

    @Test
    void rejectionsRefundsAndCancellations_areDescribed() throws Exception {
        handle(new StockReservationRejectedEvent(apples, orderId, 5, 2), "bob");
        handle(new StockReleasedEvent(pears, orderId, 1), "bob");
        handle(new PaymentDeclinedEvent(customerId, orderId, new BigDecimal("80.00"), new BigDecimal("10.00")), "bob");
        handle(new PaymentRefundedEvent(customerId, orderId, new BigDecimal("3.00"), new BigDecimal("13.00")), "bob");
        handle(new OrderRejectedEvent(orderId, customerId, RejectionReason.OUT_OF_STOCK), "bob");
        handle(new OrderCancelledEvent(otherOrder, customerId), "bob");

        assertThat(history(orderId))
                .extracting(OrderHistoryEntry::description)
                .containsExactly(
                        "Out of stock: 5 asked, 2 available",
                        "Reserved stock released: 1",
                        "Payment of 80.00 declined: the balance was 10.00",
                        "Payment of 3.00 refunded",
                        "Order rejected: OUT_OF_STOCK");
        assertThat(history(otherOrder))
                .extracting(OrderHistoryEntry::description)
                .containsExactly("Order cancelled");
    }

    @Test
    void eventsArrivingOutOfLogOrder_areListedInLogOrder() throws Exception {
        // the payment's transaction committed after the acceptance's: the processor sees position 7 before 6
        tracked(new OrderPlacedEvent(orderId, customerId, List.of(new OrderLine(apples, 1))), 5);
        tracked(new OrderAcceptedEvent(orderId, customerId, new BigDecimal("1.50")), 7);
        tracked(new PaymentAuthorizedEvent(customerId, orderId, new BigDecimal("1.50"), new BigDecimal("8.50")), 6);

        assertThat(history(orderId))
                .extracting(OrderHistoryEntry::event)
                .containsExactly("OrderPlacedEvent", "PaymentAuthorizedEvent", "OrderAcceptedEvent");
    }

    private void tracked(Object event, long position) throws Exception {
        projector.handle(new GenericTrackedEventMessage<>(
                new GlobalSequenceTrackingToken(position), GenericEventMessage.asEventMessage(event)));
    }

    @Test
    void aRedeliveredEvent_isRecordedOnce() throws Exception {
        EventMessage<?> placed =
                handle(new OrderPlacedEvent(orderId, customerId, List.of(new OrderLine(apples, 1))), "alice");

        projector.handle(placed);

        assertThat(history(orderId)).hasSize(1);
    }

    @Test
    void reset_clearsTheHistory() throws Exception {
        handle(new OrderPlacedEvent(orderId, customerId, List.of(new OrderLine(apples, 1))), "alice");

        projector.prepareReset(null);

        assertThat(count(jdbc, "order_history_view")).isZero();
    }

    @Test
    void findOrderHistory_throughTheQueryBus_answersOldestFirst() throws Exception {
        handle(new OrderPlacedEvent(orderId, customerId, List.of(new OrderLine(apples, 1))), "alice");
        handle(new OrderCancelledEvent(orderId, customerId), "alice");
        LocalQueries local = new LocalQueries().register(queries);

        List<OrderHistoryEntry> history = local.gateway()
                .query(new FindOrderHistoryQuery(orderId), ResponseTypes.multipleInstancesOf(OrderHistoryEntry.class))
                .join();

        assertThat(history)
                .extracting(OrderHistoryEntry::event)
                .containsExactly("OrderPlacedEvent", "OrderCancelledEvent");
        assertThat(history(OrderId.random())).isEmpty();
    }

    @Test
    void eventsInBatches_writeWhatTheyWriteOneByOne() {
        BatchEquivalence.assertBatchesWriteWhatSingleEventsWrite(
                OrderHistoryProjector::new, WorkflowEvents.messages(), "order_history_view");
    }

    @Test
    void aReturn_isRecordedStepByStep_withItsReasonAndRefund() throws Exception {
        ReturnId returnId = ReturnId.random();
        List<PricedLine> lines = List.of(new PricedLine(apples, 2, new BigDecimal("1.50")));
        handle(
                new ReturnRequestedEvent(orderId, returnId, customerId, lines, new BigDecimal("3.00"), "bruised"),
                "alice");
        handle(new StockReturnedEvent(apples, orderId, returnId, 2), "alice");
        handle(
                new ReturnRefundedEvent(customerId, orderId, returnId, new BigDecimal("3.00"), new BigDecimal("98.00")),
                "alice");
        handle(new ReturnedStockReleasedEvent(apples, orderId, returnId, 2), "alice");
        handle(
                new ReturnCompletedEvent(
                        orderId, returnId, customerId, lines, new BigDecimal("3.00"), OrderStatus.RETURNED),
                "alice");

        assertThat(history(orderId))
                .extracting(OrderHistoryEntry::description)
                .containsExactly(
                        "Return asked: 2 unit(s), 3.00 to refund; reason: bruised",
                        "Returned stock back, held until the refund: 2",
                        "Return refunded: 3.00",
                        "Returned stock available again: 2",
                        "Return completed: 2 unit(s) returned, 3.00 refunded; every unit of the order is returned");
    }

    @Test
    void aFailedReturn_isRecordedWithWhy() throws Exception {
        ReturnId returnId = ReturnId.random();
        List<PricedLine> lines = List.of(new PricedLine(apples, 1, new BigDecimal("1.50")));
        handle(new ReturnRefundDeclinedEvent(customerId, orderId, returnId, new BigDecimal("1.50"), "spent"), "alice");
        handle(new StockReturnCancelledEvent(apples, orderId, returnId, 1), "alice");
        handle(new ReturnFailedEvent(orderId, returnId, customerId, lines, "the refund was declined: spent"), "alice");

        assertThat(history(orderId))
                .extracting(OrderHistoryEntry::description)
                .containsExactly(
                        "Return refund of 1.50 declined: spent",
                        "Return undone, stock sold again: 1",
                        "Return failed: the refund was declined: spent");
    }
}
