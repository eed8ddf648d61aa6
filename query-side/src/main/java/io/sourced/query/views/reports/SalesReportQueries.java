package io.sourced.query.views.reports;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.reports.DayReport;
import io.sourced.api.reports.FindDayReportsQuery;
import io.sourced.api.reports.FindProductDayReportsQuery;
import io.sourced.api.reports.ProductDayReport;
import io.sourced.query.SqlTime;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers the sales report queries from the report tables, and reads what a batch of the reports' projector needs of
 * them (each order's outcome, each product's stock, a reservation's price).
 */
@Component
class SalesReportQueries {

    static final BigDecimal MEDIAN = new BigDecimal("0.5");
    static final BigDecimal P95 = new BigDecimal("0.95");

    /** A product's available stock as the report holds it, and the sequence number of its last event applied. */
    record ProductStock(int available, long version) {}

    private static final int IN_LIST = 1000;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    SalesReportQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Ask with {@code ResponseTypes.multipleInstancesOf(ProductDayReport.class)}; by day, then product name. */
    @QueryHandler
    List<ProductDayReport> handle(FindProductDayReportsQuery query) {
        return jdbc.query(
                """
                        SELECT r.product_id, p.name, r.report_day, r.units_ordered, r.units_sold, r.revenue, r.units_lost,
                            r.units_written_off, r.units_returned, r.refunded, r.stock_end_of_day
                        FROM product_day_report r LEFT JOIN report_product p ON p.product_id = r.product_id
                        WHERE r.report_day BETWEEN ? AND ?
                        ORDER BY r.report_day, p.name, r.product_id""",
                (rs, i) -> new ProductDayReport(
                        rs.getObject("report_day", LocalDate.class),
                        ProductId.of(rs.getString("product_id")),
                        rs.getString("name"),
                        rs.getInt("units_ordered"),
                        rs.getInt("units_sold"),
                        rs.getBigDecimal("revenue"),
                        rs.getInt("units_lost"),
                        rs.getInt("units_written_off"),
                        rs.getInt("units_returned"),
                        rs.getBigDecimal("refunded"),
                        rs.getInt("stock_end_of_day"),
                        ProductDayReport.sellThrough(rs.getInt("units_sold"), rs.getInt("stock_end_of_day"))),
                query.from(),
                query.to());
    }

    /** Ask with {@code ResponseTypes.multipleInstancesOf(DayReport.class)}; oldest day first. */
    @QueryHandler
    List<DayReport> handle(FindDayReportsQuery query) {
        Map<LocalDate, List<Long>> timesToAccept = timesToAccept(query.from(), query.to());
        return jdbc.query(
                """
                        SELECT report_day, placed, accepted, rejected_out_of_stock, rejected_payment_declined,
                            rejected_timeout, cancelled
                        FROM day_report WHERE report_day BETWEEN ? AND ? ORDER BY report_day""",
                (rs, i) -> {
                    LocalDate day = rs.getObject("report_day", LocalDate.class);
                    List<Long> millis = timesToAccept.getOrDefault(day, List.of());
                    return new DayReport(
                            day,
                            rs.getInt("placed"),
                            rs.getInt("accepted"),
                            rs.getInt("rejected_out_of_stock"),
                            rs.getInt("rejected_payment_declined"),
                            rs.getInt("rejected_timeout"),
                            rs.getInt("cancelled"),
                            Percentiles.seconds(millis, MEDIAN),
                            Percentiles.seconds(millis, P95));
                },
                query.from(),
                query.to());
    }

    /** Milliseconds from placed to accepted of each order accepted on each day. */
    private Map<LocalDate, List<Long>> timesToAccept(LocalDate from, LocalDate to) {
        Map<LocalDate, List<Long>> byDay = new HashMap<>();
        jdbc.query(
                """
                        SELECT accepted_day, placed_at, completed_at FROM order_timing_report
                        WHERE accepted_day BETWEEN ? AND ?""",
                rs -> {
                    byDay.computeIfAbsent(rs.getObject("accepted_day", LocalDate.class), day -> new ArrayList<>())
                            .add(Duration.between(SqlTime.instant(rs, "placed_at"), SqlTime.instant(rs, "completed_at"))
                                    .toMillis());
                },
                from,
                to);
        return byDay;
    }

    /**
     * The orders among these that the funnel holds (those seen placed), each with its outcome, empty while pending: one
     * query for up to a thousand orders.
     */
    Map<OrderId, Optional<OrderOutcome>> outcomes(Collection<OrderId> orderIds) {
        Map<OrderId, Optional<OrderOutcome>> found = new HashMap<>();
        List<String> ids = orderIds.stream().map(OrderId::value).distinct().toList();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            named.query(
                    "SELECT order_id, outcome FROM order_timing_report WHERE order_id IN (:orderIds)",
                    Map.of("orderIds", ids.subList(from, Math.min(ids.size(), from + IN_LIST))),
                    rs -> {
                        String outcome = rs.getString("outcome");
                        found.put(
                                OrderId.of(rs.getString("order_id")),
                                Optional.ofNullable(outcome).map(OrderOutcome::valueOf));
                    });
        }
        return found;
    }

    /** The product's stock in the report; empty when the report does not hold the product. */
    Optional<ProductStock> stock(ProductId productId) {
        return jdbc
                .query(
                        "SELECT available, version FROM report_product WHERE product_id = ?",
                        (rs, i) -> new ProductStock(rs.getInt("available"), rs.getLong("version")),
                        productId.value())
                .stream()
                .findFirst();
    }

    /** The unit price the order's units of the product were reserved at; empty when no reservation was recorded. */
    Optional<BigDecimal> reservationPrice(OrderId orderId, ProductId productId) {
        return jdbc
                .query(
                        "SELECT unit_price FROM report_reservation WHERE order_id = ? AND product_id = ?",
                        (rs, i) -> rs.getBigDecimal("unit_price"),
                        orderId.value(),
                        productId.value())
                .stream()
                .findFirst();
    }
}
