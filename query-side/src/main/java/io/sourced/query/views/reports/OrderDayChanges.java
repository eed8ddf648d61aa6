package io.sourced.query.views.reports;

import io.sourced.api.ordering.OrderId;
import io.sourced.query.views.reports.OrderDayRows.DayCounts;
import io.sourced.query.views.reports.OrderDayRows.Timing;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One processor batch's changes to the order funnel: each order's placement and outcome (which also makes a
 * redelivered order event count once) and what each day adds to its counts. Each order is read at most once a batch
 * (the batch's orders all at once with {@link #prefetch}) and changed in memory; {@link OrderDayRows} writes the
 * changes before the batch commits. Times are kept to the millisecond.
 */
final class OrderDayChanges {

    private final SalesReportQueries queries;
    /** Orders read or placed in this batch; null: not in the report (never seen placed). */
    private final Map<OrderId, Timing> timings = new HashMap<>();

    private final Map<OrderId, Timing> changed = new LinkedHashMap<>();
    private final Map<LocalDate, DayCounts> days = new LinkedHashMap<>();

    OrderDayChanges(SalesReportQueries queries) {
        this.queries = queries;
    }

    /** Reads at once the orders the batch will ask for: one query instead of one each. */
    void prefetch(Collection<OrderId> orderIds) {
        read(orderIds.stream()
                .filter(orderId -> !timings.containsKey(orderId))
                .distinct()
                .toList());
    }

    /** Counts a placed order on its day; false (and nothing counted) when it was counted before. */
    boolean placed(OrderId orderId, Instant at) {
        if (timing(orderId) != null) {
            return false;
        }
        Timing placed = new Timing(millis(at), null, null, false);
        timings.put(orderId, placed);
        changed.put(orderId, placed);
        days.merge(ReportDay.of(at), DayCounts.NONE.plusPlaced(), (counts, ignored) -> counts.plusPlaced());
        return true;
    }

    /** Counts an order's outcome on the day it happened, once; an order not seen placed is not counted. */
    void completed(OrderId orderId, OrderOutcome outcome, Instant at) {
        Timing timing = timing(orderId);
        if (timing == null || timing.outcome() != null) {
            return;
        }
        Timing completed = new Timing(timing.placedAt(), outcome, millis(at), timing.stored());
        timings.put(orderId, completed);
        changed.put(orderId, completed);
        days.merge(ReportDay.of(at), DayCounts.NONE.plusEnded(outcome), (counts, ignored) -> counts.plusEnded(outcome));
    }

    /** Writes the batch's changes: new and completed orders, then what each day adds to its counts. */
    void writeTo(OrderDayRows rows) {
        rows.save(changed, days);
    }

    private Timing timing(OrderId orderId) {
        if (!timings.containsKey(orderId)) {
            read(List.of(orderId));
        }
        return timings.get(orderId);
    }

    /** Reads these orders: each stored one with its outcome, the others known to be absent. */
    private void read(List<OrderId> orderIds) {
        if (orderIds.isEmpty()) {
            return;
        }
        Map<OrderId, Optional<OrderOutcome>> stored = queries.outcomes(orderIds);
        orderIds.forEach(orderId -> timings.put(
                orderId,
                stored.containsKey(orderId)
                        ? new Timing(null, stored.get(orderId).orElse(null), null, true)
                        : null));
    }

    private static Instant millis(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS);
    }
}
