package io.sourced.timelines.engine;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.StockReservationRejectedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderRejectedEvent;
import io.sourced.api.ordering.OrderScoped;
import io.sourced.api.timelines.Outcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of the orders placed in a period, folded from events as they come: the same function for the log's
 * events and for the sandbox's. Orders placed before the period are left out on both sides, whatever their events.
 */
final class OutcomeTally {

    static final String PENDING = "PENDING";

    record Figures(BigDecimal revenue, long unitsSold, long unitsLost) {
        static final Figures NONE = new Figures(BigDecimal.ZERO, 0, 0);

        Figures plus(BigDecimal moreRevenue, long moreSold, long moreLost) {
            return new Figures(revenue.add(moreRevenue), unitsSold + moreSold, unitsLost + moreLost);
        }
    }

    private record Line(OrderId orderId, ProductId productId) {}

    private final Map<OrderId, String> ends = new LinkedHashMap<>();
    private final Map<Line, BigDecimal> unitPrices = new HashMap<>();
    private final Map<String, Figures> byProduct = new TreeMap<>();
    private final Map<LocalDate, Figures> byDay = new TreeMap<>();
    private final Map<String, Long> rejected = new TreeMap<>();
    private long accepted;
    private long cancelled;
    private BigDecimal revenue = BigDecimal.ZERO;
    private long unitsSold;
    private long unitsLost;

    void record(Instant at, Object event) {
        if (event instanceof OrderPlacedEvent placed) {
            ends.put(placed.orderId(), PENDING);
            return;
        }
        if (!(event instanceof OrderScoped scoped) || !ends.containsKey(scoped.orderId())) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        if (event instanceof OrderAcceptedEvent acceptance) {
            ends.put(acceptance.orderId(), "ACCEPTED");
            accepted++;
            revenue = revenue.add(acceptance.total());
            byDay.merge(day, Figures.NONE.plus(acceptance.total(), 0, 0), OutcomeTally::sum);
        } else if (event instanceof OrderRejectedEvent rejection) {
            ends.put(rejection.orderId(), "REJECTED:" + rejection.reason());
            rejected.merge(rejection.reason().name(), 1L, Long::sum);
        } else if (event instanceof OrderCancelledEvent cancellation) {
            ends.put(cancellation.orderId(), "CANCELLED");
            cancelled++;
        } else if (event instanceof StockReservedEvent reserved) {
            unitPrices.put(new Line(reserved.orderId(), reserved.productId()), reserved.unitPrice());
            if (reserved.shortBy() > 0) {
                lost(day, reserved.productId(), reserved.shortBy());
            }
        } else if (event instanceof ReservationConfirmedEvent confirmed) {
            BigDecimal unitPrice =
                    unitPrices.getOrDefault(new Line(confirmed.orderId(), confirmed.productId()), BigDecimal.ZERO);
            unitsSold += confirmed.quantity();
            byProduct.merge(
                    confirmed.productId().value(),
                    Figures.NONE.plus(
                            unitPrice.multiply(BigDecimal.valueOf(confirmed.quantity())), confirmed.quantity(), 0),
                    OutcomeTally::sum);
        } else if (event instanceof StockReservationRejectedEvent refused) {
            lost(day, refused.productId(), refused.requested());
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
        return new Outcome(ends.size(), accepted, rejected, cancelled, revenue, unitsSold, unitsLost);
    }

    /** Each order placed in the period, and how it ended ({@link #PENDING} when it had not by the period's end). */
    Map<OrderId, String> ends() {
        return ends;
    }

    Map<String, Figures> byProduct() {
        return byProduct;
    }

    Map<LocalDate, Figures> byDay() {
        return byDay;
    }
}
