package io.sourced.timelines.engine;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.StockReleasedEvent;
import io.sourced.api.inventory.StockReservationRejectedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderRejectedEvent;
import io.sourced.api.ordering.OrderScoped;
import io.sourced.api.timelines.Outcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The outcome of the orders placed in a period, folded from events as they come: the same function for the log's
 * events and for the sandbox's. Orders placed before the period are left out on both sides, whatever their events.
 * <p>
 * The figures are sums (per product, per day); of an order it keeps only what its later events need (how many
 * lines are still unanswered, the unit price of a line reserved until it is confirmed or released), and only until it
 * ended and every line is settled. Each order's end is handed on as it happens.
 */
final class OutcomeTally {

    static final String PENDING = "PENDING";

    /** Told each order's end: {@code placed} numbers the orders in the order they were placed, from 0. */
    @FunctionalInterface
    interface Ends {
        void ended(OrderId orderId, long placed, String end);
    }

    record Figures(BigDecimal revenue, long unitsSold, long unitsLost) {
        static final Figures NONE = new Figures(BigDecimal.ZERO, 0, 0);

        Figures plus(BigDecimal moreRevenue, long moreSold, long moreLost) {
            return new Figures(revenue.add(moreRevenue), unitsSold + moreSold, unitsLost + moreLost);
        }
    }

    /** An order of the period whose later events still count: a line maps to its unit price once reserved. */
    private static final class Open {
        private final long placed;
        private final Map<ProductId, BigDecimal> unsettled = new HashMap<>(2);
        private boolean ended;

        private Open(long placed) {
            this.placed = placed;
        }
    }

    private final Ends ends;
    private final Map<OrderId, Open> open = new HashMap<>();
    private final Map<String, Figures> byProduct = new TreeMap<>();
    private final Map<LocalDate, Figures> byDay = new TreeMap<>();
    private final Map<String, Long> rejected = new TreeMap<>();
    private long placed;
    private long accepted;
    private long cancelled;
    private BigDecimal revenue = BigDecimal.ZERO;
    private long unitsSold;
    private long unitsLost;

    OutcomeTally(Ends ends) {
        this.ends = ends;
    }

    void record(Instant at, Object event) {
        if (event instanceof OrderPlacedEvent placement) {
            Open order = new Open(placed++);
            for (OrderLine line : placement.lines()) {
                order.unsettled.put(line.productId(), null);
            }
            open.put(placement.orderId(), order);
            return;
        }
        if (!(event instanceof OrderScoped scoped)) {
            return;
        }
        Open order = open.get(scoped.orderId());
        if (order == null) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        if (event instanceof OrderAcceptedEvent acceptance) {
            accepted++;
            revenue = revenue.add(acceptance.total());
            byDay.merge(day, Figures.NONE.plus(acceptance.total(), 0, 0), OutcomeTally::sum);
            ended(acceptance.orderId(), order, "ACCEPTED");
        } else if (event instanceof OrderRejectedEvent rejection) {
            rejected.merge(rejection.reason().name(), 1L, Long::sum);
            ended(rejection.orderId(), order, "REJECTED:" + rejection.reason());
        } else if (event instanceof OrderCancelledEvent cancellation) {
            cancelled++;
            ended(cancellation.orderId(), order, "CANCELLED");
        } else if (event instanceof StockReservedEvent reserved) {
            order.unsettled.put(reserved.productId(), reserved.unitPrice());
            if (reserved.shortBy() > 0) {
                lost(day, reserved.productId(), reserved.shortBy());
            }
        } else if (event instanceof ReservationConfirmedEvent confirmed) {
            BigDecimal unitPrice = order.unsettled.remove(confirmed.productId());
            unitsSold += confirmed.quantity();
            byProduct.merge(
                    confirmed.productId().value(),
                    Figures.NONE.plus(
                            (unitPrice == null ? BigDecimal.ZERO : unitPrice)
                                    .multiply(BigDecimal.valueOf(confirmed.quantity())),
                            confirmed.quantity(),
                            0),
                    OutcomeTally::sum);
        } else if (event instanceof StockReleasedEvent released) {
            order.unsettled.remove(released.productId());
        } else if (event instanceof StockReservationRejectedEvent refused) {
            order.unsettled.remove(refused.productId());
            lost(day, refused.productId(), refused.requested());
        }
        if (order.ended && order.unsettled.isEmpty()) {
            open.remove(scoped.orderId());
        }
    }

    private void ended(OrderId orderId, Open order, String end) {
        if (!order.ended) {
            order.ended = true;
            ends.ended(orderId, order.placed, end);
        }
    }

    private void lost(LocalDate day, ProductId productId, long units) {
        unitsLost += units;
        byProduct.merge(productId.value(), Figures.NONE.plus(BigDecimal.ZERO, 0, units), OutcomeTally::sum);
        byDay.merge(day, Figures.NONE.plus(BigDecimal.ZERO, 0, units), OutcomeTally::sum);
    }

    private static Figures sum(Figures one, Figures other) {
        return one.plus(other.revenue(), other.unitsSold(), other.unitsLost());
    }

    Outcome outcome() {
        return new Outcome(placed, accepted, rejected, cancelled, revenue, unitsSold, unitsLost);
    }

    /** Where the order came among those placed, if it is still held (not ended, or a line unsettled). */
    OptionalLong placed(OrderId orderId) {
        Open order = open.get(orderId);
        return order == null ? OptionalLong.empty() : OptionalLong.of(order.placed);
    }

    /** The orders still held, for tests. */
    int ordersHeld() {
        return open.size();
    }

    Map<String, Figures> byProduct() {
        return byProduct;
    }

    Map<LocalDate, Figures> byDay() {
        return byDay;
    }
}
