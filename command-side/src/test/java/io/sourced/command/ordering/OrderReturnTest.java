package io.sourced.command.ordering;

import static io.sourced.api.refusal.Refusal.Kind.*;
import static io.sourced.command.RefusalMatchers.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.CompleteReturnCommand;
import io.sourced.api.ordering.FailReturnCommand;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderStatus;
import io.sourced.api.ordering.PricedLine;
import io.sourced.api.ordering.RequestReturnCommand;
import io.sourced.api.ordering.ReturnCompletedEvent;
import io.sourced.api.ordering.ReturnFailedEvent;
import io.sourced.api.ordering.ReturnId;
import io.sourced.api.ordering.ReturnRequestedEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What an accepted order lets be returned: the rules of {@link Order} for a return, and how a return ends. */
class OrderReturnTest {

    private static final Duration WINDOW = Duration.ofDays(30);

    private final OrderId orderId = OrderId.random();
    private final CustomerId alice = CustomerId.random();
    private final CustomerId bob = CustomerId.random();
    private final ProductId pen = ProductId.random();
    private final ProductId ink = ProductId.random();
    private final ReturnId returnId = ReturnId.random();
    private final ReturnId otherReturn = ReturnId.random();

    private final BigDecimal penPrice = new BigDecimal("2.50");
    private final BigDecimal inkPrice = new BigDecimal("4.00");
    private final OrderPlacedEvent placed =
            new OrderPlacedEvent(orderId, alice, List.of(new OrderLine(pen, 3), new OrderLine(ink, 2)));
    /** Pens filled in part (2 of 3), every ink. */
    private final OrderAcceptedEvent accepted = new OrderAcceptedEvent(
            orderId,
            alice,
            new BigDecimal("13.00"),
            List.of(new OrderLine(pen, 1)),
            List.of(new PricedLine(pen, 2, penPrice), new PricedLine(ink, 2, inkPrice)));

    /** What "now" is for the return window: the fixture's time unless a test moves it. */
    private final AtomicReference<Instant> now = new AtomicReference<>();

    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(new FakeKnownIds(Set.of(alice, bob), Set.of(pen, ink)));
        fixture.registerInjectableResource(
                new ReturnWindow(WINDOW, () -> now.get() != null ? now.get() : fixture.currentTime()));
    }

    private RequestReturnCommand asked(ReturnId id, CustomerId by, OrderLine... lines) {
        return new RequestReturnCommand(orderId, id, List.of(lines), "damaged", by);
    }

    private ReturnRequestedEvent requested(ReturnId id, PricedLine... lines) {
        return new ReturnRequestedEvent(
                orderId, id, alice, List.of(lines), PricedLine.amountOf(List.of(lines)), "damaged");
    }

    private ReturnCompletedEvent completed(ReturnId id, OrderStatus status, PricedLine... lines) {
        return new ReturnCompletedEvent(
                orderId, id, alice, List.of(lines), PricedLine.amountOf(List.of(lines)), status);
    }

    @Test
    void requestReturn_byItsCustomerWithinWhatWasBought_isRequestedAtThePricePaid() {
        fixture.given(placed, accepted)
                .when(asked(returnId, alice, new OrderLine(pen, 1), new OrderLine(ink, 2)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReturnRequestedEvent(
                        orderId,
                        returnId,
                        alice,
                        List.of(new PricedLine(pen, 1, penPrice), new PricedLine(ink, 2, inkPrice)),
                        new BigDecimal("10.50"),
                        "damaged"))
                .expectResultMessagePayload(returnId);
    }

    @Test
    void requestReturn_byStaff_isRequested() {
        fixture.given(placed, accepted)
                .when(asked(returnId, null, new OrderLine(pen, 2)))
                .expectEvents(requested(returnId, new PricedLine(pen, 2, penPrice)));
    }

    @Test
    void requestReturn_sameProductOnTwoLines_isOneLine() {
        fixture.given(placed, accepted)
                .when(asked(returnId, alice, new OrderLine(pen, 1), new OrderLine(pen, 1)))
                .expectEvents(requested(returnId, new PricedLine(pen, 2, penPrice)));
    }

    @Test
    void requestReturn_sameReturnAgain_answersTheFirst() {
        fixture.given(placed, accepted, requested(returnId, new PricedLine(pen, 2, penPrice)))
                .when(asked(returnId, alice, new OrderLine(pen, 2)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(returnId);
    }

    @Test
    void requestReturn_moreThanTheOrderGot_isRefused() {
        fixture.given(placed, accepted)
                .when(asked(returnId, alice, new OrderLine(pen, 3)))
                .expectNoEvents()
                .expectException(refused(UNPROCESSABLE));
    }

    @Test
    void requestReturn_moreThanIsLeftAfterAReturn_isRefused() {
        fixture.given(
                        placed,
                        accepted,
                        requested(otherReturn, new PricedLine(pen, 1, penPrice)),
                        completed(otherReturn, OrderStatus.ACCEPTED, new PricedLine(pen, 1, penPrice)))
                .when(asked(returnId, alice, new OrderLine(pen, 2)))
                .expectNoEvents()
                .expectException(refused(UNPROCESSABLE));
    }

    @Test
    void requestReturn_unitsInAPendingReturn_isRefused() {
        fixture.given(placed, accepted, requested(otherReturn, new PricedLine(pen, 2, penPrice)))
                .when(asked(returnId, alice, new OrderLine(pen, 1)))
                .expectNoEvents()
                .expectException(refused(UNPROCESSABLE));
    }

    @Test
    void requestReturn_unitsOfAFailedReturn_areReturnableAgain() {
        fixture.given(
                        placed,
                        accepted,
                        requested(otherReturn, new PricedLine(pen, 2, penPrice)),
                        new ReturnFailedEvent(
                                orderId, otherReturn, alice, List.of(new PricedLine(pen, 2, penPrice)), "refused"))
                .when(asked(returnId, alice, new OrderLine(pen, 2)))
                .expectEvents(requested(returnId, new PricedLine(pen, 2, penPrice)));
    }

    @Test
    void requestReturn_anotherCustomersOrder_isNotFound() {
        fixture.given(placed, accepted)
                .when(asked(returnId, bob, new OrderLine(pen, 1)))
                .expectNoEvents()
                .expectException(refused(NOT_FOUND));
    }

    @Test
    void requestReturn_anotherCustomerNamingAReturnAskedBefore_isNotFound() {
        fixture.given(placed, accepted, requested(returnId, new PricedLine(pen, 1, penPrice)))
                .when(asked(returnId, bob, new OrderLine(pen, 1)))
                .expectNoEvents()
                .expectException(refused(NOT_FOUND));
    }

    @Test
    void requestReturn_unknownOrder_isNotFound() {
        fixture.givenNoPriorActivity()
                .when(asked(returnId, alice, new OrderLine(pen, 1)))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void requestReturn_pendingOrder_isRefused() {
        fixture.given(placed)
                .when(asked(returnId, alice, new OrderLine(pen, 1)))
                .expectNoEvents()
                .expectException(refused(CONFLICT));
    }

    @Test
    void requestReturn_cancelledOrder_isRefused() {
        fixture.given(placed, new OrderCancelledEvent(orderId, alice))
                .when(asked(returnId, alice, new OrderLine(pen, 1)))
                .expectNoEvents()
                .expectException(refused(CONFLICT));
    }

    @Test
    void requestReturn_everythingReturnedAlready_isRefused() {
        List<PricedLine> all = List.of(new PricedLine(pen, 2, penPrice), new PricedLine(ink, 2, inkPrice));
        fixture.given(
                        placed,
                        accepted,
                        requested(otherReturn, all.toArray(PricedLine[]::new)),
                        new ReturnCompletedEvent(
                                orderId, otherReturn, alice, all, new BigDecimal("13.00"), OrderStatus.RETURNED))
                .when(asked(returnId, alice, new OrderLine(pen, 1)))
                .expectNoEvents()
                .expectException(refused(UNPROCESSABLE));
    }

    @Test
    void requestReturn_windowClosed_isRefused() {
        TestExecutor<Order> given = fixture.given(placed, accepted);
        now.set(fixture.currentTime().plus(WINDOW).plusSeconds(1));

        given.when(asked(returnId, alice, new OrderLine(pen, 1)))
                .expectNoEvents()
                .expectException(refused(UNPROCESSABLE));
    }

    @Test
    void requestReturn_lastMomentOfTheWindow_isRequested() {
        TestExecutor<Order> given = fixture.given(placed, accepted);
        now.set(fixture.currentTime().plus(WINDOW));

        given.when(asked(returnId, alice, new OrderLine(pen, 1)))
                .expectEvents(requested(returnId, new PricedLine(pen, 1, penPrice)));
    }

    @Test
    void requestReturn_productTheOrderDidNotGet_isRefused() {
        fixture.given(placed, accepted)
                .when(asked(returnId, alice, new OrderLine(ProductId.random(), 1)))
                .expectNoEvents()
                .expectException(refused(INVALID));
    }

    @Test
    void requestReturn_quantityZero_isRefused() {
        fixture.given(placed, accepted)
                .when(asked(returnId, alice, new OrderLine(pen, 0)))
                .expectNoEvents()
                .expectException(refused(INVALID));
    }

    @Test
    void requestReturn_noLines_isRefused() {
        fixture.given(placed, accepted)
                .when(asked(returnId, alice))
                .expectNoEvents()
                .expectException(refused(INVALID));
    }

    @Test
    void requestReturn_withoutReason_isRefused() {
        fixture.given(placed, accepted)
                .when(new RequestReturnCommand(orderId, returnId, List.of(new OrderLine(pen, 1)), "  ", alice))
                .expectNoEvents()
                .expectException(refused(INVALID));
    }

    @Test
    void requestReturn_acceptedWithoutPrices_isRefused() {
        fixture.given(placed, new OrderAcceptedEvent(orderId, alice, new BigDecimal("13.00")))
                .when(asked(returnId, alice, new OrderLine(pen, 1)))
                .expectNoEvents()
                .expectException(refused(UNPROCESSABLE));
    }

    @Test
    void completeReturn_pending_completesWithTheOrderStillAccepted() {
        fixture.given(placed, accepted, requested(returnId, new PricedLine(pen, 1, penPrice)))
                .when(new CompleteReturnCommand(orderId, returnId))
                .expectEvents(completed(returnId, OrderStatus.ACCEPTED, new PricedLine(pen, 1, penPrice)));
    }

    @Test
    void completeReturn_ofTheLastUnits_returnsTheOrder() {
        fixture.given(
                        placed,
                        accepted,
                        requested(otherReturn, new PricedLine(ink, 2, inkPrice)),
                        completed(otherReturn, OrderStatus.ACCEPTED, new PricedLine(ink, 2, inkPrice)),
                        requested(returnId, new PricedLine(pen, 2, penPrice)))
                .when(new CompleteReturnCommand(orderId, returnId))
                .expectEvents(completed(returnId, OrderStatus.RETURNED, new PricedLine(pen, 2, penPrice)))
                .expectState(order -> assertThat(order).extracting("status").isEqualTo(OrderStatus.RETURNED));
    }

    @Test
    void completeReturn_twice_changesNothing() {
        fixture.given(
                        placed,
                        accepted,
                        requested(returnId, new PricedLine(pen, 1, penPrice)),
                        completed(returnId, OrderStatus.ACCEPTED, new PricedLine(pen, 1, penPrice)))
                .when(new CompleteReturnCommand(orderId, returnId))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void failReturn_pending_givesItsUnitsBack() {
        fixture.given(placed, accepted, requested(returnId, new PricedLine(pen, 2, penPrice)))
                .when(new FailReturnCommand(orderId, returnId, "not back in stock in time"))
                .expectEvents(new ReturnFailedEvent(
                        orderId,
                        returnId,
                        alice,
                        List.of(new PricedLine(pen, 2, penPrice)),
                        "not back in stock in time"));
    }

    @Test
    void failReturn_completed_changesNothing() {
        fixture.given(
                        placed,
                        accepted,
                        requested(returnId, new PricedLine(pen, 1, penPrice)),
                        completed(returnId, OrderStatus.ACCEPTED, new PricedLine(pen, 1, penPrice)))
                .when(new FailReturnCommand(orderId, returnId, "late"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
