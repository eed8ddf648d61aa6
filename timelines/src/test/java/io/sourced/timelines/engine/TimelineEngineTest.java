package io.sourced.timelines.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.DepositReversedEvent;
import io.sourced.api.finance.FundsDepositedEvent;
import io.sourced.api.finance.FundsWithdrawnEvent;
import io.sourced.api.finance.PaymentAuthorizedEvent;
import io.sourced.api.finance.PaymentDeclinedEvent;
import io.sourced.api.finance.PaymentRefundedEvent;
import io.sourced.api.finance.ReturnRefundedEvent;
import io.sourced.api.finance.TransactionId;
import io.sourced.api.idempotency.OperationId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRestockedEvent;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.ReturnedStockReleasedEvent;
import io.sourced.api.inventory.StockReleasedEvent;
import io.sourced.api.inventory.StockReservationRejectedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.inventory.StockReturnedEvent;
import io.sourced.api.inventory.StockWrittenOffEvent;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderRejectedEvent;
import io.sourced.api.ordering.OrderStatus;
import io.sourced.api.ordering.PricedLine;
import io.sourced.api.ordering.RejectionReason;
import io.sourced.api.ordering.ReturnCompletedEvent;
import io.sourced.api.ordering.ReturnId;
import io.sourced.api.ordering.ReturnRequestedEvent;
import io.sourced.api.rules.BusinessRules;
import io.sourced.api.timelines.DayFigures;
import io.sourced.api.timelines.OrderChange;
import io.sourced.api.timelines.Outcome;
import io.sourced.api.timelines.ProductFigures;
import io.sourced.saga.ordering.OrderWorkflowSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimelineEngineTest {

    private static final Duration ORDER_TIMEOUT = Duration.ofSeconds(30);
    private static final Instant DAY_ONE = Instant.parse("2026-11-02T10:00:00Z");

    private final History history = new History(DAY_ONE.minus(Duration.ofDays(1)));
    private final TimelineEngine engine = new TimelineEngine(history.store, new OrderWorkflowSettings(ORDER_TIMEOUT));

    @AfterEach
    void closeTheLog() {
        history.close();
    }

    @Test
    void raceForTheLastUnit_keepsTheLogsOrderOfReservations() {
        ProductId lamp = history.product("Lamp", "10.00", 1);
        CustomerId ann = history.customer("Ann", "100.00");
        CustomerId bob = history.customer("Bob", "100.00");
        OrderId first = OrderId.random();
        OrderId second = OrderId.random();
        history.at(DAY_ONE);
        // the first placed lost the race: its reservation reached the product second
        placed(first, ann, lamp, 1);
        placed(second, bob, lamp, 1);
        history.append(lamp, new StockReservedEvent(lamp, second, 1, new BigDecimal("10.00")));
        history.append(lamp, new StockReservationRejectedEvent(lamp, first, 1, 0));
        history.append(bob, new PaymentAuthorizedEvent(bob, second, new BigDecimal("10.00"), new BigDecimal("90.00")));
        history.append(first, new OrderRejectedEvent(first, ann, RejectionReason.OUT_OF_STOCK));
        history.append(second, new OrderAcceptedEvent(second, bob, new BigDecimal("10.00")));
        history.append(lamp, new ReservationConfirmedEvent(lamp, second, 1));

        TimelineResult result = run(DAY_ONE, history.now().plusSeconds(1));

        assertThat(result.changedOrders()).isEmpty();
        assertThat(result.whatIf()).isEqualTo(result.actual());
        assertThat(result.whatIf().accepted()).isEqualTo(1);
        assertThat(result.whatIf().rejected()).containsExactly(Map.entry("OUT_OF_STOCK", 1L));
        assertThat(result.whatIf().unitsLost()).isEqualTo(1);
    }

    @Test
    void timeoutOnTheVirtualClock_rejectsTheOrderAsTheLogDid() {
        ProductId lamp = history.product("Lamp", "10.00", 5);
        CustomerId ann = history.customer("Ann", "100.00");
        OrderId late = OrderId.random();
        history.at(DAY_ONE);
        placed(late, ann, lamp, 2);
        history.append(lamp, new StockReservedEvent(lamp, late, 2, new BigDecimal("10.00")));
        // the payment was answered after the order timed out, and given back
        history.after(ORDER_TIMEOUT).append(late, new OrderRejectedEvent(late, ann, RejectionReason.TIMEOUT));
        history.append(lamp, new StockReleasedEvent(lamp, late, 2));
        history.after(Duration.ofSeconds(10));
        history.append(ann, new PaymentAuthorizedEvent(ann, late, new BigDecimal("20.00"), new BigDecimal("80.00")));
        history.append(ann, new PaymentRefundedEvent(ann, late, new BigDecimal("20.00"), new BigDecimal("100.00")));

        TimelineResult result = run(DAY_ONE, history.now().plusSeconds(1));

        assertThat(result.changedOrders()).isEmpty();
        assertThat(result.whatIf().rejected()).containsExactly(Map.entry("TIMEOUT", 1L));
        assertThat(result.whatIf().accepted()).isZero();
    }

    @Test
    void outcome_figuresByDayAndByProduct() {
        ProductId lamp = history.product("Lamp", "10.00", 3);
        ProductId desk = history.product("Desk", "100.00", 1);
        CustomerId ann = history.customer("Ann", "1000.00");
        CustomerId bob = history.customer("Bob", "1000.00");
        history.at(DAY_ONE);
        OrderId lamps = OrderId.random();
        accepted(lamps, ann, "980.00", new OrderLine(lamp, 2), "10.00");
        OrderId cancelled = OrderId.random();
        placed(cancelled, bob, lamp, 1);
        history.append(lamp, new StockReservedEvent(lamp, cancelled, 1, new BigDecimal("10.00")));
        history.append(cancelled, new OrderCancelledEvent(cancelled, bob));
        history.append(lamp, new StockReleasedEvent(lamp, cancelled, 1));
        history.at(DAY_ONE.plus(Duration.ofDays(1)));
        OrderId desks = OrderId.random();
        accepted(desks, bob, "900.00", new OrderLine(desk, 1), "100.00");
        OrderId tooMany = OrderId.random();
        placed(tooMany, ann, lamp, 5);
        history.append(lamp, new StockReservationRejectedEvent(lamp, tooMany, 5, 1));
        history.append(tooMany, new OrderRejectedEvent(tooMany, ann, RejectionReason.OUT_OF_STOCK));

        TimelineResult result = run(DAY_ONE, history.now().plusSeconds(1));

        Outcome expected = new Outcome(4, 2, Map.of("OUT_OF_STOCK", 1L), 1, new BigDecimal("120.00"), 3, 5);
        assertThat(result.actual()).isEqualTo(expected);
        assertThat(result.whatIf()).isEqualTo(expected);
        assertThat(result.byDay())
                .containsExactly(
                        new DayFigures(
                                LocalDate.parse("2026-11-02"), new BigDecimal("20.00"), new BigDecimal("20.00"), 0, 0),
                        new DayFigures(
                                LocalDate.parse("2026-11-03"),
                                new BigDecimal("100.00"),
                                new BigDecimal("100.00"),
                                5,
                                5));
        assertThat(result.byProduct())
                .containsExactlyInAnyOrder(
                        new ProductFigures(lamp.value(), new BigDecimal("20.00"), new BigDecimal("20.00"), 2, 2, 5, 5),
                        new ProductFigures(
                                desk.value(), new BigDecimal("100.00"), new BigDecimal("100.00"), 1, 1, 0, 0));
        assertThat(result.changedOrders()).isEmpty();
        assertThat(result.intentsRefused()).isZero();
    }

    @Test
    void longHistory_holdsOnlyTheWorkStillOpen_notTheOrdersThatEnded() {
        int orders = 3 * Sandbox.SNAPSHOT_EVERY;
        ProductId lamp = history.product("Lamp", "1.00", 1_000_000);
        CustomerId ann = history.customer("Ann", "1000000.00");
        history.at(DAY_ONE);
        for (int i = 0; i < orders; i++) {
            accepted(OrderId.random(), ann, "1.00", new OrderLine(lamp, 1), "1.00");
            if (i == orders / 2) {
                // refused by the sandbox, which then reads the account again: from its snapshot and the events after it
                history.append(
                        ann,
                        new FundsWithdrawnEvent(
                                ann, new BigDecimal("9999999.00"), BigDecimal.ZERO, OperationId.random()));
            }
        }
        // still open in the log when the period ends: the sandbox, with no later answer to wait for, accepts them
        OrderId open = OrderId.random();
        placed(open, ann, lamp, 1);
        history.append(lamp, new StockReservedEvent(lamp, open, 1, new BigDecimal("1.00")));
        List<TimelineEngine.Held> held = new ArrayList<>();

        TimelineResult result =
                engine.run(DAY_ONE, history.now().plusSeconds(1), BusinessRules.NONE, done -> true, held::add);

        assertThat(result.actual().accepted()).isEqualTo(orders);
        assertThat(result.whatIf().accepted()).isEqualTo(orders + 1);
        assertThat(result.whatIf().revenue()).isEqualByComparingTo(BigDecimal.valueOf(orders + 1));
        assertThat(result.intentsRefused()).isEqualTo(1);
        assertThat(result.changedOrders())
                .containsExactly(new OrderChange(open.value(), OutcomeTally.PENDING, "ACCEPTED"));
        TimelineEngine.Held atTheEnd = held.get(0);
        // the product and the account, each a snapshot and the events after it; no order
        assertThat(atTheEnd.storeAggregates()).isEqualTo(2);
        assertThat(atTheEnd.storeEvents()).isLessThanOrEqualTo(2 * Sandbox.SNAPSHOT_EVERY);
        assertThat(atTheEnd.logOrders()).isEqualTo(1);
        assertThat(atTheEnd.timelineOrders()).isZero();
        assertThat(atTheEnd.endsUnmatched()).isEqualTo(1);
        assertThat(atTheEnd.steps()).isZero();
    }

    @Test
    void ordersPlacedBeforeThePeriod_areLeftOutOfBothOutcomes() {
        ProductId lamp = history.product("Lamp", "10.00", 3);
        CustomerId ann = history.customer("Ann", "100.00");
        OrderId before = OrderId.random();
        accepted(before, ann, "90.00", new OrderLine(lamp, 1), "10.00");
        history.at(DAY_ONE);
        OrderId during = OrderId.random();
        accepted(during, ann, "80.00", new OrderLine(lamp, 1), "10.00");

        TimelineResult result = run(DAY_ONE, history.now().plusSeconds(1));

        assertThat(result.actual().ordersPlaced()).isEqualTo(1);
        assertThat(result.whatIf()).isEqualTo(result.actual());
    }

    @Test
    void withdrawalBeyondTheTimelinesBalance_isCountedAsRefused() {
        CustomerId ann = history.customer("Ann", "10.00");
        history.at(DAY_ONE);
        // in the log, the order was paid after a deposit that the period does not hold
        history.append(
                ann, new FundsWithdrawnEvent(ann, new BigDecimal("50.00"), BigDecimal.ZERO, OperationId.random()));

        TimelineResult result = run(DAY_ONE, history.now().plusSeconds(1));

        assertThat(result.intentsRefused()).isEqualTo(1);
    }

    @Test
    void writeOffInTheLog_isSentAgain_soTheOrderAfterItIsRefusedAlike() {
        ProductId lamp = history.product("Lamp", "10.00", 3);
        CustomerId ann = history.customer("Ann", "100.00");
        OrderId tooLate = OrderId.random();
        history.at(DAY_ONE);
        history.append(lamp, new StockWrittenOffEvent(lamp, 3, "damaged in the flood", OperationId.random()));
        placed(tooLate, ann, lamp, 1);
        history.append(lamp, new StockReservationRejectedEvent(lamp, tooLate, 1, 0));
        history.append(tooLate, new OrderRejectedEvent(tooLate, ann, RejectionReason.OUT_OF_STOCK));

        TimelineResult result = run(DAY_ONE, history.now().plusSeconds(1));

        assertThat(result.changedOrders()).isEmpty();
        assertThat(result.whatIf().rejected()).containsExactly(Map.entry("OUT_OF_STOCK", 1L));
        assertThat(result.intentsRefused()).isZero();
    }

    @Test
    void depositReversalInTheLog_isSentAgain_soThePaymentAfterItIsDeclinedAlike() {
        ProductId lamp = history.product("Lamp", "50.00", 3);
        CustomerId ann = history.customer("Ann", "10.00");
        OrderId declined = OrderId.random();
        OperationId mistaken = OperationId.random();
        history.at(DAY_ONE);
        history.append(ann, new FundsDepositedEvent(ann, new BigDecimal("50.00"), new BigDecimal("60.00"), mistaken));
        history.append(
                ann,
                new DepositReversedEvent(
                        ann,
                        TransactionId.of(mistaken.value()),
                        new BigDecimal("50.00"),
                        new BigDecimal("10.00"),
                        "meant for Bob"));
        placed(declined, ann, lamp, 1);
        history.append(lamp, new StockReservedEvent(lamp, declined, 1, new BigDecimal("50.00")));
        history.append(ann, new PaymentDeclinedEvent(ann, declined, new BigDecimal("50.00"), new BigDecimal("10.00")));
        history.append(declined, new OrderRejectedEvent(declined, ann, RejectionReason.PAYMENT_DECLINED));
        history.append(lamp, new StockReleasedEvent(lamp, declined, 1));

        TimelineResult result = run(DAY_ONE, history.now().plusSeconds(1));

        assertThat(result.changedOrders()).isEmpty();
        assertThat(result.whatIf().rejected()).containsExactly(Map.entry("PAYMENT_DECLINED", 1L));
        assertThat(result.intentsRefused()).isZero();
    }

    @Test
    void returnInTheLog_isSentAgain_soTheUnitBackInStockIsSoldAgainAlike() {
        ProductId lamp = history.product("Lamp", "10.00", 1);
        CustomerId ann = history.customer("Ann", "100.00");
        CustomerId bob = history.customer("Bob", "100.00");
        history.at(DAY_ONE);
        OrderId returned = OrderId.random();
        accepted(returned, ann, "90.00", new OrderLine(lamp, 1), "10.00");
        ReturnId returnId = ReturnId.random();
        List<PricedLine> oneLamp = List.of(new PricedLine(lamp, 1, new BigDecimal("10.00")));
        BigDecimal ten = new BigDecimal("10.00");
        history.append(returned, new ReturnRequestedEvent(returned, returnId, ann, oneLamp, ten, "too bright"));
        history.append(lamp, new StockReturnedEvent(lamp, returned, returnId, 1));
        history.append(ann, new ReturnRefundedEvent(ann, returned, returnId, ten, new BigDecimal("100.00")));
        history.append(lamp, new ReturnedStockReleasedEvent(lamp, returned, returnId, 1));
        history.append(returned, new ReturnCompletedEvent(returned, returnId, ann, oneLamp, ten, OrderStatus.RETURNED));
        // the lamp returned is the one bob gets
        accepted(OrderId.random(), bob, "90.00", new OrderLine(lamp, 1), "10.00");

        TimelineResult result = run(DAY_ONE, history.now().plusSeconds(1));

        assertThat(result.changedOrders()).isEmpty();
        assertThat(result.whatIf().accepted()).isEqualTo(2);
        assertThat(result.intentsRefused()).isZero();
    }

    @Test
    void sameTimelineTwice_givesTheSameFigures_andLeavesTheLogAsItWas() {
        ProductId lamp = history.product("Lamp", "10.00", 1);
        CustomerId ann = history.customer("Ann", "100.00");
        history.at(DAY_ONE);
        accepted(OrderId.random(), ann, "90.00", new OrderLine(lamp, 1), "10.00");
        TrackingToken head = history.store.createHeadToken();

        TimelineResult once = run(DAY_ONE, history.now().plusSeconds(1));
        TimelineResult twice = run(DAY_ONE, history.now().plusSeconds(1));

        assertThat(twice).isEqualTo(once);
        assertThat(history.store.createHeadToken()).isEqualTo(head);
    }

    @Test
    void periodAfterTheLastEvent_readsNothing_andAnswersAtOnce() {
        history.product("Lamp", "10.00", 1);
        Instant later = history.now().plus(Duration.ofHours(1));

        TimelineResult result = run(later, later.plus(Duration.ofHours(1)));

        assertThat(result.eventsRead()).isZero();
        assertThat(result.whatIf()).isEqualTo(result.actual());
        assertThat(result.actual().ordersPlaced()).isZero();
    }

    @Test
    void cancelledByItsProgress_stops() {
        ProductId lamp = history.product("Lamp", "10.00", 1);
        history.at(DAY_ONE);
        history.append(lamp, new ProductRestockedEvent(lamp, 1, null));

        assertThatThrownBy(() -> engine.run(DAY_ONE, history.now(), BusinessRules.NONE, done -> false))
                .isInstanceOf(CancellationException.class);
    }

    private TimelineResult run(Instant from, Instant to) {
        return engine.run(from, to, BusinessRules.NONE, done -> true);
    }

    private void placed(OrderId orderId, CustomerId customerId, ProductId productId, int quantity) {
        history.append(orderId, new OrderPlacedEvent(orderId, customerId, List.of(new OrderLine(productId, quantity))));
    }

    private void accepted(OrderId orderId, CustomerId customerId, String balanceAfter, OrderLine line, String price) {
        BigDecimal unitPrice = new BigDecimal(price);
        BigDecimal total = unitPrice.multiply(BigDecimal.valueOf(line.quantity()));
        history.append(orderId, new OrderPlacedEvent(orderId, customerId, List.of(line)));
        history.append(line.productId(), new StockReservedEvent(line.productId(), orderId, line.quantity(), unitPrice));
        history.append(
                customerId, new PaymentAuthorizedEvent(customerId, orderId, total, new BigDecimal(balanceAfter)));
        history.append(
                orderId,
                new OrderAcceptedEvent(
                        orderId,
                        customerId,
                        total,
                        List.of(),
                        List.of(new PricedLine(line.productId(), line.quantity(), unitPrice))));
        history.append(line.productId(), new ReservationConfirmedEvent(line.productId(), orderId, line.quantity()));
    }
}
