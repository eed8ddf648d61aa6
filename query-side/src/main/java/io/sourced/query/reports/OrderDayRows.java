package io.sourced.query.reports;

import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.RejectionReason;
import io.sourced.query.SqlTime;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Writes {@code day_report} (the order funnel per day) and {@code order_timing_report} (each order's placement and
 * outcome), which also makes a redelivered order event count once. Times are kept to the millisecond.
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

    private final JdbcTemplate jdbc;

    OrderDayRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts a placed order on its day; false (and nothing counted) when it was counted before. */
    boolean placed(OrderId orderId, Instant at) {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM order_timing_report WHERE order_id = ?", Integer.class,
                orderId.value());
        if (known != null && known > 0) {
            return false;
        }
        jdbc.update("INSERT INTO order_timing_report (order_id, placed_at) VALUES (?, ?)", orderId.value(),
                SqlTime.of(millis(at)));
        count(ReportDay.of(at), "placed");
        return true;
    }

    /** Counts an order's outcome on the day it happened, once; an order not seen placed is not counted. */
    void completed(OrderId orderId, Outcome outcome, Instant at) {
        LocalDate day = ReportDay.of(at);
        int changed = jdbc.update("""
                        UPDATE order_timing_report SET outcome = ?, completed_at = ?, accepted_day = ?
                        WHERE order_id = ? AND outcome IS NULL""",
                outcome.name(), SqlTime.of(millis(at)), outcome == Outcome.ACCEPTED ? day : null, orderId.value());
        if (changed > 0) {
            count(day, outcome.column);
        }
    }

    void clear() {
        jdbc.update("DELETE FROM day_report");
        jdbc.update("DELETE FROM order_timing_report");
    }

    private static Instant millis(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Adds one to a column of the day; the column comes from {@link Outcome}, never from input. */
    private void count(LocalDate day, String column) {
        int changed = jdbc.update("UPDATE day_report SET " + column + " = " + column + " + 1 WHERE report_day = ?", day);
        if (changed == 0) {
            jdbc.update("""
                            INSERT INTO day_report (report_day, placed, accepted, rejected_out_of_stock,
                                rejected_payment_declined, rejected_timeout, cancelled)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""", day, one(column, "placed"), one(column, "accepted"),
                    one(column, "rejected_out_of_stock"), one(column, "rejected_payment_declined"),
                    one(column, "rejected_timeout"), one(column, "cancelled"));
        }
    }

    private static int one(String counted, String column) {
        return counted.equals(column) ? 1 : 0;
    }
}
