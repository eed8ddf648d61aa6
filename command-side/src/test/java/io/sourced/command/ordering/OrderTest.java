package io.sourced.command.ordering;

import static io.sourced.api.refusal.Refusal.Kind.*;
import static io.sourced.command.RefusalMatchers.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.AcceptOrderCommand;
import io.sourced.api.ordering.CancelOrderCommand;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderRejectedEvent;
import io.sourced.api.ordering.PlaceOrderCommand;
import io.sourced.api.ordering.PricedLine;
import io.sourced.api.ordering.RejectOrderCommand;
import io.sourced.api.ordering.RejectionReason;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderTest {

    private final OrderId orderId = OrderId.random();
    private final CustomerId alice = CustomerId.random();
    private final CustomerId bob = CustomerId.random();
    private final ProductId pen = ProductId.random();
    private final ProductId ink = ProductId.random();
    private final OrderPlacedEvent placed = new OrderPlacedEvent(orderId, alice, List.of(new OrderLine(pen, 2)));

    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(new FakeKnownIds(Set.of(alice, bob), Set.of(pen, ink)));
        fixture.registerInjectableResource(new ReturnWindow(Duration.ofDays(30), fixture::currentTime));
    }

    @Test
    void placeOrder_knownCustomerAndProducts_isPlaced() {
        fixture.givenNoPriorActivity()
                .when(new PlaceOrderCommand(orderId, alice, List.of(new OrderLine(pen, 2))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(placed)
                .expectResultMessagePayload(orderId);
    }

    @Test
    void placeOrder_sameProductOnTwoLines_placesOneMergedLine() {
        fixture.givenNoPriorActivity()
                .when(new PlaceOrderCommand(
                        orderId, alice, List.of(new OrderLine(pen, 2), new OrderLine(ink, 1), new OrderLine(pen, 3))))
                .expectEvents(
                        new OrderPlacedEvent(orderId, alice, List.of(new OrderLine(pen, 5), new OrderLine(ink, 1))));
    }

    @Test
    void placeOrder_sameKeyTwice_placesOnce() {
        fixture.given(placed)
                .when(new PlaceOrderCommand(orderId, alice, List.of(new OrderLine(ink, 7))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(orderId);
    }

    @Test
    void placeOrder_noLines_isRefused() {
        fixture.givenNoPriorActivity()
                .when(new PlaceOrderCommand(orderId, alice, List.of()))
                .expectNoEvents()
                .expectException(refused(INVALID));
    }

    @Test
    void placeOrder_moreLinesThanAnOrderHolds_isRefused() {
        List<OrderLine> lines = Collections.nCopies(OrderLine.MAX_PER_ORDER + 1, new OrderLine(pen, 1));

        fixture.givenNoPriorActivity()
                .when(new PlaceOrderCommand(orderId, alice, lines))
                .expectNoEvents()
                .expectException(refused(INVALID));
    }

    @Test
    void placeOrder_asManyLinesAsAnOrderHolds_isPlaced() {
        List<OrderLine> lines = Collections.nCopies(OrderLine.MAX_PER_ORDER, new OrderLine(pen, 1));

        fixture.givenNoPriorActivity()
                .when(new PlaceOrderCommand(orderId, alice, lines))
                .expectEvents(
                        new OrderPlacedEvent(orderId, alice, List.of(new OrderLine(pen, OrderLine.MAX_PER_ORDER))));
    }

    @Test
    void placeOrder_quantityZero_isRefused() {
        fixture.givenNoPriorActivity()
                .when(new PlaceOrderCommand(orderId, alice, List.of(new OrderLine(pen, 1), new OrderLine(ink, 0))))
                .expectNoEvents()
                .expectException(refused(INVALID));
    }

    @Test
    void placeOrder_lineWithoutProduct_isRefused() {
        fixture.givenNoPriorActivity()
                .when(new PlaceOrderCommand(orderId, alice, List.of(new OrderLine(null, 1))))
                .expectNoEvents()
                .expectException(refused(INVALID));
    }

    @Test
    void placeOrder_withoutCustomer_isRefused() {
        fixture.givenNoPriorActivity()
                .when(new PlaceOrderCommand(orderId, null, List.of(new OrderLine(pen, 1))))
                .expectNoEvents()
                .expectException(refused(INVALID));
    }

    @Test
    void placeOrder_unknownCustomer_isRefused() {
        CustomerId stranger = CustomerId.random();
        fixture.givenNoPriorActivity()
                .when(new PlaceOrderCommand(orderId, stranger, List.of(new OrderLine(pen, 1))))
                .expectNoEvents()
                .expectException(refused(NOT_FOUND))
                .expectExceptionMessage("No customer " + stranger);
    }

    @Test
    void placeOrder_unknownProduct_isRefused() {
        ProductId unknown = ProductId.random();
        fixture.givenNoPriorActivity()
                .when(new PlaceOrderCommand(orderId, alice, List.of(new OrderLine(pen, 1), new OrderLine(unknown, 1))))
                .expectNoEvents()
                .expectException(refused(NOT_FOUND))
                .expectExceptionMessage("No product " + unknown);
    }

    @Test
    void acceptOrder_pending_isAccepted() {
        fixture.given(placed)
                .when(new AcceptOrderCommand(orderId, new BigDecimal("21.00")))
                .expectEvents(new OrderAcceptedEvent(orderId, alice, new BigDecimal("21.00")));
    }

    @Test
    void acceptOrder_withShortfall_recordsWhatWasNotFilled() {
        List<OrderLine> shortfall = List.of(new OrderLine(pen, 3));
        fixture.given(placed)
                .when(new AcceptOrderCommand(orderId, new BigDecimal("4.00"), shortfall))
                .expectEvents(new OrderAcceptedEvent(orderId, alice, new BigDecimal("4.00"), shortfall));
    }

    @Test
    void acceptOrder_withPricedLines_recordsWhatEachLineGot() {
        List<PricedLine> lines = List.of(new PricedLine(pen, 2, new BigDecimal("10.50")));
        fixture.given(placed)
                .when(new AcceptOrderCommand(orderId, new BigDecimal("21.00"), List.of(), lines))
                .expectEvents(new OrderAcceptedEvent(orderId, alice, new BigDecimal("21.00"), List.of(), lines));
    }

    @Test
    void acceptOrder_cancelled_changesNothing() {
        fixture.given(placed, new OrderCancelledEvent(orderId, alice))
                .when(new AcceptOrderCommand(orderId, new BigDecimal("21.00")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void acceptOrder_accepted_changesNothing() {
        fixture.given(placed, new OrderAcceptedEvent(orderId, alice, BigDecimal.TEN))
                .when(new AcceptOrderCommand(orderId, BigDecimal.TEN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void rejectOrder_pending_isRejected() {
        fixture.given(placed)
                .when(new RejectOrderCommand(orderId, RejectionReason.OUT_OF_STOCK))
                .expectEvents(new OrderRejectedEvent(orderId, alice, RejectionReason.OUT_OF_STOCK));
    }

    @Test
    void rejectOrder_accepted_changesNothing() {
        fixture.given(placed, new OrderAcceptedEvent(orderId, alice, BigDecimal.TEN))
                .when(new RejectOrderCommand(orderId, RejectionReason.TIMEOUT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cancelOrder_pendingByItsCustomer_isCancelled() {
        fixture.given(placed)
                .when(new CancelOrderCommand(orderId, alice))
                .expectEvents(new OrderCancelledEvent(orderId, alice));
    }

    @Test
    void cancelOrder_pendingByStaff_isCancelled() {
        fixture.given(placed)
                .when(new CancelOrderCommand(orderId, null))
                .expectEvents(new OrderCancelledEvent(orderId, alice));
    }

    @Test
    void cancelOrder_accepted_isRefused() {
        fixture.given(placed, new OrderAcceptedEvent(orderId, alice, BigDecimal.TEN))
                .when(new CancelOrderCommand(orderId, alice))
                .expectNoEvents()
                .expectException(refused(CONFLICT))
                .expectExceptionMessage("order is ACCEPTED and can no longer be cancelled");
    }

    @Test
    void cancelOrder_rejected_isRefused() {
        fixture.given(placed, new OrderRejectedEvent(orderId, alice, RejectionReason.TIMEOUT))
                .when(new CancelOrderCommand(orderId, null))
                .expectNoEvents()
                .expectException(refused(CONFLICT));
    }

    @Test
    void cancelOrder_cancelled_isRefused() {
        fixture.given(placed, new OrderCancelledEvent(orderId, alice))
                .when(new CancelOrderCommand(orderId, alice))
                .expectNoEvents()
                .expectException(refused(CONFLICT));
    }

    @Test
    void cancelOrder_anotherCustomers_isNotFound() {
        fixture.given(placed)
                .when(new CancelOrderCommand(orderId, bob))
                .expectNoEvents()
                .expectException(refused(NOT_FOUND));
    }

    @Test
    void cancelOrder_unknownOrder_isNotFound() {
        fixture.givenNoPriorActivity()
                .when(new CancelOrderCommand(orderId, alice))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void placeOrder_linesMerged_keepFirstAppearanceOrder() {
        assertThat(Order.merged(List.of(new OrderLine(ink, 1), new OrderLine(pen, 1), new OrderLine(ink, 2))))
                .containsExactly(new OrderLine(ink, 3), new OrderLine(pen, 1));
    }

    @Test
    void placeOrder_quantitiesSummingBeyondInt_isRefused() {
        fixture.givenNoPriorActivity()
                .when(new PlaceOrderCommand(
                        orderId, alice, List.of(new OrderLine(pen, Integer.MAX_VALUE), new OrderLine(pen, 1))))
                .expectNoEvents()
                .expectException(refused(INVALID));
    }
}
