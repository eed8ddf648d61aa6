package io.sourced.timelines.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.PaymentAuthorizedEvent;
import io.sourced.api.finance.PaymentDeclinedEvent;
import io.sourced.api.idempotency.OperationId;
import io.sourced.api.inventory.AutoRestockScheduledEvent;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRestockedEvent;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.StockReleasedEvent;
import io.sourced.api.inventory.StockReservationRejectedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderRejectedEvent;
import io.sourced.api.ordering.RejectionReason;
import io.sourced.api.rules.BusinessRules;
import io.sourced.api.timelines.Outcome;
import io.sourced.api.timelines.ProductFigures;
import io.sourced.saga.ordering.OrderWorkflowSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each business rule's effect on a small handmade history whose what-if answer is known. */
class TimelineRulesTest {

    private static final Instant DAY_ONE = Instant.parse("2026-11-02T10:00:00Z");

    private final History history = new History(DAY_ONE.minus(Duration.ofDays(1)));
    private final TimelineEngine engine =
            new TimelineEngine(history.store, new OrderWorkflowSettings(Duration.ofSeconds(30)));

    @AfterEach
    void closeTheLog() {
        history.close();
    }

    @Test
    void partialFulfilment_acceptsWhatWasInStock_andCountsTheRestLost() {
        ProductId lamp = history.product("Lamp", "10.00", 2);
        CustomerId ann = history.customer("Ann", "100.00");
        history.at(DAY_ONE);
        OrderId five = OrderId.random();
        placed(five, ann, lamp, 5);
        history.append(lamp, new StockReservationRejectedEvent(lamp, five, 5, 2));
        history.append(five, new OrderRejectedEvent(five, ann, RejectionReason.OUT_OF_STOCK));

        TimelineResult result = run(new BusinessRules(true, null, null, null, null));

        assertThat(result.actual()).isEqualTo(new Outcome(1, 0, Map.of("OUT_OF_STOCK", 1L), 0, BigDecimal.ZERO, 0, 5));
        assertThat(result.whatIf()).isEqualTo(new Outcome(1, 1, Map.of(), 0, new BigDecimal("20.00"), 2, 3));
        assertThat(result.changedOrders()).hasSize(1);
    }

    @Test
    void creditLimit_paysForAnOrderBeyondTheBalance() {
        ProductId desk = history.product("Desk", "30.00", 1);
        CustomerId ann = history.customer("Ann", "10.00");
        history.at(DAY_ONE);
        OrderId order = OrderId.random();
        placed(order, ann, desk, 1);
        history.append(desk, new StockReservedEvent(desk, order, 1, new BigDecimal("30.00")));
        history.append(ann, new PaymentDeclinedEvent(ann, order, new BigDecimal("30.00"), new BigDecimal("10.00")));
        history.append(order, new OrderRejectedEvent(order, ann, RejectionReason.PAYMENT_DECLINED));
        history.append(desk, new StockReleasedEvent(desk, order, 1));

        TimelineResult result = run(new BusinessRules(false, new BigDecimal("50"), null, null, null));

        assertThat(result.actual().rejected()).containsExactly(Map.entry("PAYMENT_DECLINED", 1L));
        assertThat(result.whatIf()).isEqualTo(new Outcome(1, 1, Map.of(), 0, new BigDecimal("30.00"), 1, 0));
    }

    @Test
    void creditLimitTooSmall_stillDeclinesThePayment() {
        ProductId desk = history.product("Desk", "30.00", 1);
        CustomerId ann = history.customer("Ann", "10.00");
        history.at(DAY_ONE);
        OrderId order = OrderId.random();
        placed(order, ann, desk, 1);
        history.append(desk, new StockReservedEvent(desk, order, 1, new BigDecimal("30.00")));
        history.append(ann, new PaymentDeclinedEvent(ann, order, new BigDecimal("30.00"), new BigDecimal("10.00")));
        history.append(order, new OrderRejectedEvent(order, ann, RejectionReason.PAYMENT_DECLINED));
        history.append(desk, new StockReleasedEvent(desk, order, 1));

        TimelineResult result = run(new BusinessRules(false, new BigDecimal("19.99"), null, null, null));

        assertThat(result.whatIf()).isEqualTo(result.actual());
    }

    @Test
    void priceChange_chargesTheChangedPrice_onlyForTheNamedProducts() {
        ProductId lamp = history.product("Lamp", "10.00", 5);
        ProductId desk = history.product("Desk", "100.00", 5);
        CustomerId ann = history.customer("Ann", "1000.00");
        history.at(DAY_ONE);
        accepted(OrderId.random(), ann, "980.00", new OrderLine(lamp, 2), "10.00");
        accepted(OrderId.random(), ann, "880.00", new OrderLine(desk, 1), "100.00");

        TimelineResult result = run(new BusinessRules(false, null, new BigDecimal("12.5"), Set.of(lamp), null));

        assertThat(result.actual().revenue()).isEqualByComparingTo("120.00");
        assertThat(result.whatIf().revenue()).isEqualByComparingTo("122.50");
        assertThat(result.byProduct())
                .contains(
                        new ProductFigures(lamp.value(), new BigDecimal("20.00"), new BigDecimal("22.50"), 2, 2, 0, 0));
    }

    @Test
    void autoRestock_fillsAnOrderTheLogRefused_afterTheDelayOnTheLogsClock() {
        ProductId lamp = history.product("Lamp", "10.00", 2);
        CustomerId ann = history.customer("Ann", "1000.00");
        history.at(DAY_ONE);
        accepted(OrderId.random(), ann, "980.00", new OrderLine(lamp, 2), "10.00");
        history.after(Duration.ofHours(2));
        OrderId three = OrderId.random();
        placed(three, ann, lamp, 3);
        history.append(lamp, new StockReservationRejectedEvent(lamp, three, 3, 0));
        history.append(three, new OrderRejectedEvent(three, ann, RejectionReason.OUT_OF_STOCK));

        BusinessRules restockWithinTheGap = restock(Duration.ofHours(1));
        BusinessRules restockAfterTheGap = restock(Duration.ofHours(3));

        assertThat(run(restockWithinTheGap).whatIf())
                .isEqualTo(new Outcome(2, 2, Map.of(), 0, new BigDecimal("50.00"), 5, 0));
        assertThat(run(restockAfterTheGap).whatIf())
                .isEqualTo(run(BusinessRules.NONE).actual());
    }

    @Test
    void restocksTheRuleAskedInTheLog_areNotSentAgainAsIntents() {
        ProductId lamp = history.product("Lamp", "10.00", 1);
        CustomerId ann = history.customer("Ann", "1000.00");
        history.at(DAY_ONE);
        accepted(OrderId.random(), ann, "990.00", new OrderLine(lamp, 1), "10.00");
        OperationId asked = OperationId.random();
        history.append(lamp, new AutoRestockScheduledEvent(lamp, asked, 1, Duration.ofMinutes(1)));
        history.after(Duration.ofMinutes(1)).append(lamp, new ProductRestockedEvent(lamp, 1, asked));
        OrderId second = OrderId.random();
        accepted(second, ann, "980.00", new OrderLine(lamp, 1), "10.00");

        TimelineResult withoutTheRule = run(BusinessRules.NONE);

        assertThat(withoutTheRule.actual().accepted()).isEqualTo(2);
        assertThat(withoutTheRule.whatIf().accepted()).isEqualTo(1);
        assertThat(withoutTheRule.whatIf().rejected()).containsExactly(Map.entry("OUT_OF_STOCK", 1L));
    }

    private static BusinessRules restock(Duration delay) {
        return new BusinessRules(false, null, null, null, new BusinessRules.AutoRestock(1, 3, delay));
    }

    private TimelineResult run(BusinessRules rules) {
        return engine.run(DAY_ONE, history.now().plus(Duration.ofHours(6)), rules, done -> true);
    }

    private void placed(OrderId orderId, CustomerId customerId, ProductId productId, int quantity) {
        history.append(orderId, new OrderPlacedEvent(orderId, customerId, List.of(new OrderLine(productId, quantity))));
    }

    private void accepted(OrderId orderId, CustomerId customerId, String balanceAfter, OrderLine line, String price) {
        BigDecimal unitPrice = new BigDecimal(price);
        BigDecimal total = unitPrice.multiply(BigDecimal.valueOf(line.quantity()));
        placed(orderId, customerId, line.productId(), line.quantity());
        history.append(line.productId(), new StockReservedEvent(line.productId(), orderId, line.quantity(), unitPrice));
        history.append(
                customerId, new PaymentAuthorizedEvent(customerId, orderId, total, new BigDecimal(balanceAfter)));
        history.append(orderId, new OrderAcceptedEvent(orderId, customerId, total));
        history.append(line.productId(), new ReservationConfirmedEvent(line.productId(), orderId, line.quantity()));
    }
}
