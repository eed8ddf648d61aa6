package io.sourced.query.views.reports;

import io.sourced.api.ordering.OrderId;
import io.sourced.query.JdbcBatch;
import io.sourced.query.SqlTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * Writes {@code order_timing_report} (each order's placement and outcome) and {@code day_report} (the order funnel per
 * day): what a batch gathered in {@link OrderDayChanges}, one JDBC batch per statement.
 */
final class OrderDayRows {

    /**
     * An order's row as a batch sees it.
     *
     * @param placedAt    when it was placed, to the millisecond; null for an order stored before the batch (not read)
     * @param outcome     how it ended; null while pending
     * @param completedAt when it ended, to the millisecond; null while pending
     * @param stored      whether its row was stored before the batch (updated) or is new (inserted)
     */
    record Timing(Instant placedAt, OrderOutcome outcome, Instant completedAt, boolean stored) {}

    /** What a batch adds to one day of the funnel: orders placed on it, and orders that ended on it, by outcome. */
    record DayCounts(int placed, int accepted, int outOfStock, int paymentDeclined, int timeout, int cancelled) {

        static final DayCounts NONE = new DayCounts(0, 0, 0, 0, 0, 0);

        DayCounts plusPlaced() {
            return new DayCounts(placed + 1, accepted, outOfStock, paymentDeclined, timeout, cancelled);
        }

        DayCounts plusEnded(OrderOutcome outcome) {
            return switch (outcome) {
                case ACCEPTED -> new DayCounts(placed, accepted + 1, outOfStock, paymentDeclined, timeout, cancelled);
                case OUT_OF_STOCK ->
                    new DayCounts(placed, accepted, outOfStock + 1, paymentDeclined, timeout, cancelled);
                case PAYMENT_DECLINED ->
                    new DayCounts(placed, accepted, outOfStock, paymentDeclined + 1, timeout, cancelled);
                case TIMEOUT -> new DayCounts(placed, accepted, outOfStock, paymentDeclined, timeout + 1, cancelled);
                case CANCELLED -> new DayCounts(placed, accepted, outOfStock, paymentDeclined, timeout, cancelled + 1);
            };
        }
    }

    private static final String INSERT_TIMING = """
            INSERT INTO order_timing_report (outcome, completed_at, accepted_day, order_id, placed_at)
            VALUES (:outcome, :completedAt, :acceptedDay, :orderId, :placedAt)""";
    private static final String COMPLETE_TIMING = """
            UPDATE order_timing_report SET outcome = :outcome, completed_at = :completedAt, accepted_day = :acceptedDay
            WHERE order_id = :orderId AND outcome IS NULL""";
    private static final String ADD_TO_DAY = """
            UPDATE day_report SET placed = placed + :placed, accepted = accepted + :accepted,
                rejected_out_of_stock = rejected_out_of_stock + :rejectedOutOfStock,
                rejected_payment_declined = rejected_payment_declined + :rejectedPaymentDeclined,
                rejected_timeout = rejected_timeout + :rejectedTimeout, cancelled = cancelled + :cancelled
            WHERE report_day = :day""";
    private static final String INSERT_DAY = """
            INSERT INTO day_report (placed, accepted, rejected_out_of_stock, rejected_payment_declined,
                rejected_timeout, cancelled, report_day)
            VALUES (:placed, :accepted, :rejectedOutOfStock, :rejectedPaymentDeclined,
                :rejectedTimeout, :cancelled, :day)""";

    private final NamedParameterJdbcTemplate jdbc;

    OrderDayRows(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /** The new and completed orders, then what each day adds to its counts (a day without a row gets one). */
    void save(Map<OrderId, Timing> timings, Map<LocalDate, DayCounts> days) {
        JdbcBatch<Map.Entry<OrderId, Timing>> inserts = JdbcBatch.of(INSERT_TIMING, OrderDayRows::timingRow);
        JdbcBatch<Map.Entry<OrderId, Timing>> updates = JdbcBatch.of(COMPLETE_TIMING, OrderDayRows::timingRow);
        timings.entrySet().forEach(entry -> (entry.getValue().stored() ? updates : inserts).add(entry));
        inserts.write(jdbc);
        updates.write(jdbc);
        JdbcBatch.of(ADD_TO_DAY, OrderDayRows::dayRow).addAll(days.entrySet()).writeOrInsert(jdbc, INSERT_DAY);
    }

    void clear() {
        jdbc.getJdbcTemplate().update("DELETE FROM day_report");
        jdbc.getJdbcTemplate().update("DELETE FROM order_timing_report");
    }

    private static SqlParameterSource timingRow(Map.Entry<OrderId, Timing> entry) {
        Timing timing = entry.getValue();
        OrderOutcome outcome = timing.outcome();
        return new MapSqlParameterSource()
                .addValue("outcome", outcome == null ? null : outcome.name())
                .addValue("completedAt", SqlTime.of(timing.completedAt()))
                .addValue("acceptedDay", outcome == OrderOutcome.ACCEPTED ? ReportDay.of(timing.completedAt()) : null)
                .addValue("orderId", entry.getKey().value())
                .addValue("placedAt", SqlTime.of(timing.placedAt()));
    }

    private static SqlParameterSource dayRow(Map.Entry<LocalDate, DayCounts> day) {
        DayCounts counts = day.getValue();
        return new MapSqlParameterSource()
                .addValue("placed", counts.placed())
                .addValue("accepted", counts.accepted())
                .addValue("rejectedOutOfStock", counts.outOfStock())
                .addValue("rejectedPaymentDeclined", counts.paymentDeclined())
                .addValue("rejectedTimeout", counts.timeout())
                .addValue("cancelled", counts.cancelled())
                .addValue("day", day.getKey());
    }
}
