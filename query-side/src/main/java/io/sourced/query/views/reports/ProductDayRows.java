package io.sourced.query.views.reports;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.OrderId;
import io.sourced.query.JdbcBatch;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * Writes {@code product_day_report} and what it carries between events: each product's available stock
 * ({@code report_product}) and the price each order's units were reserved at ({@code report_reservation}). What a
 * batch gathered in {@link ProductDayChanges}, one JDBC batch per statement.
 */
final class ProductDayRows {

    /** What one event adds to a product's day; {@code revenue} is net of {@code refunded}. */
    record Counts(
            int ordered, int sold, BigDecimal revenue, int lost, int writtenOff, int returned, BigDecimal refunded) {
        static final Counts NONE = new Counts(0, 0, BigDecimal.ZERO, 0, 0, 0, BigDecimal.ZERO);

        static Counts ordered(int units) {
            return new Counts(units, 0, BigDecimal.ZERO, 0, 0, 0, BigDecimal.ZERO);
        }

        static Counts sold(int units, BigDecimal revenue) {
            return new Counts(0, units, revenue, 0, 0, 0, BigDecimal.ZERO);
        }

        static Counts lost(int units) {
            return new Counts(0, 0, BigDecimal.ZERO, units, 0, 0, BigDecimal.ZERO);
        }

        static Counts writtenOff(int units) {
            return new Counts(0, 0, BigDecimal.ZERO, 0, units, 0, BigDecimal.ZERO);
        }

        /** Units returned and refunded: the refund leaves the revenue. */
        static Counts returned(int units, BigDecimal refund) {
            return new Counts(0, 0, refund.negate(), 0, 0, units, refund);
        }

        Counts plus(Counts more) {
            return new Counts(
                    ordered + more.ordered,
                    sold + more.sold,
                    revenue.add(more.revenue),
                    lost + more.lost,
                    writtenOff + more.writtenOff,
                    returned + more.returned,
                    refunded.add(more.refunded));
        }
    }

    /**
     * A product's stock as a batch sees it.
     *
     * @param version the sequence number of the last product event applied
     * @param name    set for a product registered in the batch (its row is inserted); null for one stored before
     */
    record Stock(int available, long version, String name) {}

    /** A product's day. */
    record DayKey(ProductId productId, LocalDate day) {}

    /**
     * What a batch adds to a product's day: counts to add, the stock at the end of the day when an event moved it
     * (null: unchanged), and the stock a new row of the day starts with otherwise.
     */
    record DayChange(Counts counts, Integer stockEndOfDay, int stockIfNew) {}

    /** An order's reservation of a product. */
    record ReservationKey(OrderId orderId, ProductId productId) {}

    private static final String UPDATE_STOCK =
            "UPDATE report_product SET available = :available, version = :version WHERE product_id = :productId";
    private static final String INSERT_STOCK = """
            INSERT INTO report_product (product_id, name, available, version)
            VALUES (:productId, :name, :available, :version)""";
    private static final String ADD_TO_DAY = """
            UPDATE product_day_report SET units_ordered = units_ordered + :ordered, units_sold = units_sold + :sold,
                revenue = revenue + :revenue, units_lost = units_lost + :lost,
                units_written_off = units_written_off + :writtenOff, units_returned = units_returned + :returned,
                refunded = refunded + :refunded, stock_end_of_day = COALESCE(:stockEndOfDay, stock_end_of_day)
            WHERE product_id = :productId AND report_day = :day""";
    private static final String INSERT_DAY = """
            INSERT INTO product_day_report (units_ordered, units_sold, revenue, units_lost, units_written_off,
                units_returned, refunded, stock_end_of_day, product_id, report_day)
            VALUES (:ordered, :sold, :revenue, :lost, :writtenOff, :returned, :refunded, :newStockEndOfDay, :productId,
                :day)""";
    private static final String UPDATE_PRICE = """
            UPDATE report_reservation SET unit_price = :unitPrice
            WHERE order_id = :orderId AND product_id = :productId""";
    private static final String INSERT_PRICE = """
            INSERT INTO report_reservation (unit_price, order_id, product_id)
            VALUES (:unitPrice, :orderId, :productId)""";

    private final NamedParameterJdbcTemplate jdbc;

    ProductDayRows(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * The stocks changed (updated, or inserted for a product the batch registered), then what each product's day adds
     * and the reservation prices: each updated, or inserted when the update found no row.
     */
    void save(
            Map<ProductId, Stock> stocks,
            Map<DayKey, DayChange> days,
            Map<ReservationKey, BigDecimal> reservationPrices) {
        JdbcBatch<Map.Entry<ProductId, Stock>> stockUpdates = JdbcBatch.of(UPDATE_STOCK, ProductDayRows::stockRow);
        JdbcBatch<Map.Entry<ProductId, Stock>> stockInserts = JdbcBatch.of(INSERT_STOCK, ProductDayRows::stockRow);
        stocks.entrySet().forEach(entry -> (entry.getValue().name() == null ? stockUpdates : stockInserts).add(entry));
        stockUpdates.write(jdbc);
        stockInserts.write(jdbc);
        JdbcBatch.of(ADD_TO_DAY, ProductDayRows::dayRow).addAll(days.entrySet()).writeOrInsert(jdbc, INSERT_DAY);
        JdbcBatch.of(UPDATE_PRICE, ProductDayRows::reservationRow)
                .addAll(reservationPrices.entrySet())
                .writeOrInsert(jdbc, INSERT_PRICE);
    }

    void clear() {
        jdbc.getJdbcTemplate().update("DELETE FROM product_day_report");
        jdbc.getJdbcTemplate().update("DELETE FROM report_product");
        jdbc.getJdbcTemplate().update("DELETE FROM report_reservation");
    }

    private static SqlParameterSource stockRow(Map.Entry<ProductId, Stock> entry) {
        Stock stock = entry.getValue();
        return new MapSqlParameterSource()
                .addValue("productId", entry.getKey().value())
                .addValue("name", stock.name())
                .addValue("available", stock.available())
                .addValue("version", stock.version());
    }

    /** A day's row: the update adds to it; a new row starts with the stock carried forward when no event moved it. */
    private static SqlParameterSource dayRow(Map.Entry<DayKey, DayChange> entry) {
        DayChange change = entry.getValue();
        Counts counts = change.counts();
        return new MapSqlParameterSource()
                .addValue("ordered", counts.ordered())
                .addValue("sold", counts.sold())
                .addValue("revenue", counts.revenue())
                .addValue("lost", counts.lost())
                .addValue("writtenOff", counts.writtenOff())
                .addValue("returned", counts.returned())
                .addValue("refunded", counts.refunded())
                .addValue("stockEndOfDay", change.stockEndOfDay())
                .addValue(
                        "newStockEndOfDay",
                        change.stockEndOfDay() == null ? change.stockIfNew() : change.stockEndOfDay())
                .addValue("productId", entry.getKey().productId().value())
                .addValue("day", entry.getKey().day());
    }

    private static SqlParameterSource reservationRow(Map.Entry<ReservationKey, BigDecimal> entry) {
        return new MapSqlParameterSource()
                .addValue("unitPrice", entry.getValue())
                .addValue("orderId", entry.getKey().orderId().value())
                .addValue("productId", entry.getKey().productId().value());
    }
}
