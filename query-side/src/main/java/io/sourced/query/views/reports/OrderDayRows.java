package io.sourced.query.views.reports;

import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.RejectionReason;
import io.sourced.query.JdbcBatch;
import io.sourced.query.SqlTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * One processor batch's changes to {@code day_report} (the order funnel per day) and {@code order_timing_report} (each
 * order's placement and outcome, which also makes a redelivered order event count once), kept in memory and written
 * by {@link #write} with JDBC batches before the batch commits. Times are kept to the millisecond.
 */
class OrderDayRows {

    /** How an order ended, and the day report column that counts it. */
    enum Outcome {
        ACCEPTED("accepted"),
        OUT_OF_STOCK("rejected_out_of_stock"),
        PAYMENT_DECLINED("rejected_payment_declined"),
        TIMEOUT("rejected_timeout"),
        CANCELLED("cancelled");

        private final String column;

        Outcome(String column) {
            this.column = column;
        }

        static Outcome rejected(RejectionReason reason) {
            return switch (reason) {
                case OUT_OF_STOCK -> OUT_OF_STOCK;
                case PAYMENT_DECLINED -> PAYMENT_DECLINED;
                case TIMEOUT -> TIMEOUT;
            };
        }
    }

    /** An order's timing as the batch sees it: placed (null if unknown), outcome (null: pending). */
    private record Timing(Instant placedAt, Outcome outcome, Instant completedAt, boolean stored) {}

    private static final List<String> COLUMNS = List.of(
            "placed",
            "accepted",
            "rejected_out_of_stock",
            "rejected_payment_declined",
            "rejected_timeout",
            "cancelled");

    private static final int IN_LIST = 1000;

    private static final String INSERT_TIMING = """
            INSERT INTO order_timing_report (outcome, completed_at, accepted_day, order_id, placed_at)
            VALUES (:outcome, :completedAt, :acceptedDay, :orderId, :placedAt)""";
    private static final String COMPLETE_TIMING = """
            UPDATE order_timing_report SET outcome = :outcome, completed_at = :completedAt, accepted_day = :acceptedDay
            WHERE order_id = :orderId AND outcome IS NULL""";
    private static final String ADD_TO_DAY = """
            UPDATE day_report SET placed = placed + :placed, accepted = accepted + :accepted,
                rejected_out_of_stock = rejected_out_of_stock + :rejected_out_of_stock,
                rejected_payment_declined = rejected_payment_declined + :rejected_payment_declined,
                rejected_timeout = rejected_timeout + :rejected_timeout, cancelled = cancelled + :cancelled
            WHERE report_day = :day""";
    private static final String INSERT_DAY = """
            INSERT INTO day_report (placed, accepted, rejected_out_of_stock, rejected_payment_declined,
                rejected_timeout, cancelled, report_day)
            VALUES (:placed, :accepted, :rejected_out_of_stock, :rejected_payment_declined,
                :rejected_timeout, :cancelled, :day)""";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    /** Orders read or placed in this batch; null: not in the report (never seen placed). */
    private final Map<OrderId, Timing> timings = new HashMap<>();

    private final Map<OrderId, Timing> changed = new LinkedHashMap<>();
    private final Map<LocalDate, int[]> counts = new LinkedHashMap<>();

    OrderDayRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Reads at once the timings of these orders, which the batch will ask for: one query instead of one each. */
    void prefetch(Collection<OrderId> orderIds) {
        List<String> ids = orderIds.stream()
                .filter(orderId -> !timings.containsKey(orderId))
                .map(OrderId::value)
                .distinct()
                .toList();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<String> some = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            some.forEach(id -> timings.put(OrderId.of(id), null));
            named.query(
                    "SELECT order_id, outcome FROM order_timing_report WHERE order_id IN (:orderIds)",
                    Map.of("orderIds", some),
                    rs -> {
                        timings.put(OrderId.of(rs.getString(1)), stored(rs.getString(2)));
                    });
        }
    }

    /** Counts a placed order on its day; false (and nothing counted) when it was counted before. */
    boolean placed(OrderId orderId, Instant at) {
        if (timing(orderId) != null) {
            return false;
        }
        Timing placed = new Timing(millis(at), null, null, false);
        timings.put(orderId, placed);
        changed.put(orderId, placed);
        count(ReportDay.of(at), "placed");
        return true;
    }

    /** Counts an order's outcome on the day it happened, once; an order not seen placed is not counted. */
    void completed(OrderId orderId, Outcome outcome, Instant at) {
        Timing timing = timing(orderId);
        if (timing == null || timing.outcome() != null) {
            return;
        }
        Timing completed = new Timing(timing.placedAt(), outcome, millis(at), timing.stored());
        timings.put(orderId, completed);
        changed.put(orderId, completed);
        count(ReportDay.of(at), outcome.column);
    }

    static void clear(JdbcTemplate jdbc) {
        jdbc.update("DELETE FROM day_report");
        jdbc.update("DELETE FROM order_timing_report");
    }

    /** Writes the batch's changes: new and completed orders, then what each day adds to its counts. */
    void write() {
        JdbcBatch<Map.Entry<OrderId, Timing>> inserts = JdbcBatch.of(INSERT_TIMING, OrderDayRows::timingRow);
        JdbcBatch<Map.Entry<OrderId, Timing>> updates = JdbcBatch.of(COMPLETE_TIMING, OrderDayRows::timingRow);
        changed.entrySet().forEach(entry -> (entry.getValue().stored() ? updates : inserts).add(entry));
        inserts.write(named);
        updates.write(named);
        JdbcBatch.of(ADD_TO_DAY, OrderDayRows::dayRow).addAll(counts.entrySet()).writeOrInsert(named, INSERT_DAY);
    }

    private static SqlParameterSource timingRow(Map.Entry<OrderId, Timing> entry) {
        Timing timing = entry.getValue();
        Outcome outcome = timing.outcome();
        return new MapSqlParameterSource()
                .addValue("outcome", outcome == null ? null : outcome.name())
                .addValue("completedAt", SqlTime.of(timing.completedAt()))
                .addValue("acceptedDay", outcome == Outcome.ACCEPTED ? ReportDay.of(timing.completedAt()) : null)
                .addValue("orderId", entry.getKey().value())
                .addValue("placedAt", SqlTime.of(timing.placedAt()));
    }

    /** The day's counts, each named by its column. */
    private static SqlParameterSource dayRow(Map.Entry<LocalDate, int[]> day) {
        MapSqlParameterSource row = new MapSqlParameterSource("day", day.getKey());
        for (int i = 0; i < COLUMNS.size(); i++) {
            row.addValue(COLUMNS.get(i), day.getValue()[i]);
        }
        return row;
    }

    private Timing timing(OrderId orderId) {
        if (!timings.containsKey(orderId)) {
            timings.put(
                    orderId,
                    jdbc
                            .query(
                                    "SELECT outcome FROM order_timing_report WHERE order_id = ?",
                                    (rs, i) -> stored(rs.getString(1)),
                                    orderId.value())
                            .stream()
                            .findFirst()
                            .orElse(null));
        }
        return timings.get(orderId);
    }

    private static Timing stored(String outcome) {
        return new Timing(null, outcome == null ? null : Outcome.valueOf(outcome), null, true);
    }

    private static Instant millis(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Adds one to a column of the day; the column comes from {@link Outcome}, never from input. */
    private void count(LocalDate day, String column) {
        counts.computeIfAbsent(day, ignored -> new int[COLUMNS.size()])[COLUMNS.indexOf(column)]++;
    }
}
