package io.sourced.query.views.reports;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.OrderId;
import io.sourced.query.JdbcBatch;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * One processor batch's changes to {@code product_day_report} and what it carries between events: each product's
 * available stock ({@code report_product}) and the price each order's units were reserved at
 * ({@code report_reservation}). Each row is read at most once a batch and changed in memory; {@link #write} writes
 * them all with JDBC batches before the batch commits.
 */
class ProductDayRows {

    private static final Logger log = LoggerFactory.getLogger(ProductDayRows.class);

    /** What one event adds to a product's day. */
    record Counts(int ordered, int sold, BigDecimal revenue, int lost) {
        static final Counts NONE = new Counts(0, 0, BigDecimal.ZERO, 0);

        static Counts ordered(int units) {
            return new Counts(units, 0, BigDecimal.ZERO, 0);
        }

        static Counts sold(int units, BigDecimal revenue) {
            return new Counts(0, units, revenue, 0);
        }

        static Counts lost(int units) {
            return new Counts(0, 0, BigDecimal.ZERO, units);
        }

        Counts plus(Counts more) {
            return new Counts(ordered + more.ordered, sold + more.sold, revenue.add(more.revenue), lost + more.lost);
        }
    }

    /** A product's stock as the batch sees it; {@code name} is set for a product registered in this batch. */
    private record Stock(int available, long version, String name) {}

    /**
     * What the batch adds to a product's day: counts to add, the stock at the end of the day when an event moved it
     * (null: unchanged), and the stock a new row of the day starts with otherwise.
     */
    private record DayChange(Counts counts, Integer stockEndOfDay, int stockIfNew) {}

    private record DayKey(ProductId productId, LocalDate day) {}

    private record ReservationKey(OrderId orderId, ProductId productId) {}

    private static final String UPDATE_STOCK =
            "UPDATE report_product SET available = :available, version = :version WHERE product_id = :productId";
    private static final String INSERT_STOCK = """
            INSERT INTO report_product (product_id, name, available, version)
            VALUES (:productId, :name, :available, :version)""";
    private static final String ADD_TO_DAY = """
            UPDATE product_day_report SET units_ordered = units_ordered + :ordered, units_sold = units_sold + :sold,
                revenue = revenue + :revenue, units_lost = units_lost + :lost,
                stock_end_of_day = COALESCE(:stockEndOfDay, stock_end_of_day)
            WHERE product_id = :productId AND report_day = :day""";
    private static final String INSERT_DAY = """
            INSERT INTO product_day_report (units_ordered, units_sold, revenue, units_lost, stock_end_of_day,
                product_id, report_day)
            VALUES (:ordered, :sold, :revenue, :lost, :newStockEndOfDay, :productId, :day)""";
    private static final String UPDATE_PRICE = """
            UPDATE report_reservation SET unit_price = :unitPrice
            WHERE order_id = :orderId AND product_id = :productId""";
    private static final String INSERT_PRICE = """
            INSERT INTO report_reservation (unit_price, order_id, product_id)
            VALUES (:unitPrice, :orderId, :productId)""";

    private final JdbcTemplate jdbc;
    /** Products read or registered in this batch; null: not in the report. */
    private final Map<ProductId, Stock> stocks = new HashMap<>();

    private final Map<ProductId, Stock> changedStocks = new LinkedHashMap<>();
    private final Map<DayKey, DayChange> days = new LinkedHashMap<>();
    private final Map<ReservationKey, BigDecimal> reservations = new LinkedHashMap<>();

    ProductDayRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void registered(ProductId productId, String name, int initialStock, long sequence, LocalDate day) {
        if (stock(productId) != null) {
            return;
        }
        Stock stock = new Stock(initialStock, sequence, name);
        stocks.put(productId, stock);
        changedStocks.put(productId, stock);
        addToDay(productId, day, Counts.NONE, initialStock);
    }

    /**
     * A product event of the given sequence number: moves its available stock and adds to its day, whose stock at the
     * end of the day becomes the stock after this event. An event applied before, or of an unknown product, changes nothing.
     */
    void productEvent(ProductId productId, long sequence, LocalDate day, int availableChange, Counts counts) {
        Stock stock = stock(productId);
        if (stock == null || stock.version() >= sequence) {
            return;
        }
        Stock moved = new Stock(stock.available() + availableChange, sequence, stock.name());
        stocks.put(productId, moved);
        changedStocks.put(productId, moved);
        addToDay(productId, day, counts, moved.available());
    }

    /** Units on an order's line: the stock does not move, so a new row of the day starts with the stock carried forward. */
    void ordered(ProductId productId, int units, LocalDate day) {
        Stock stock = stock(productId);
        DayKey key = new DayKey(productId, day);
        DayChange change = days.get(key);
        days.put(
                key,
                change == null
                        ? new DayChange(Counts.ordered(units), null, stock == null ? 0 : stock.available())
                        : new DayChange(
                                change.counts().plus(Counts.ordered(units)),
                                change.stockEndOfDay(),
                                change.stockIfNew()));
    }

    void reservedAt(OrderId orderId, ProductId productId, BigDecimal unitPrice) {
        reservations.put(new ReservationKey(orderId, productId), unitPrice);
    }

    /** Revenue of units sold: the units × the unit price of the order's reservation. */
    BigDecimal revenue(OrderId orderId, ProductId productId, int units) {
        BigDecimal unitPrice = reservations.get(new ReservationKey(orderId, productId));
        if (unitPrice == null) {
            unitPrice = jdbc
                    .query(
                            "SELECT unit_price FROM report_reservation WHERE order_id = ? AND product_id = ?",
                            (rs, i) -> rs.getBigDecimal(1),
                            orderId.value(),
                            productId.value())
                    .stream()
                    .findFirst()
                    .orElse(null);
        }
        if (unitPrice == null) {
            log.warn(
                    "No reservation price for order {} and product {}: {} units sold count no revenue",
                    orderId,
                    productId,
                    units);
            return BigDecimal.ZERO;
        }
        return unitPrice.multiply(BigDecimal.valueOf(units));
    }

    static void clear(JdbcTemplate jdbc) {
        jdbc.update("DELETE FROM product_day_report");
        jdbc.update("DELETE FROM report_product");
        jdbc.update("DELETE FROM report_reservation");
    }

    /** Writes the batch's changes; each row is updated, or inserted when the update found none. */
    void write() {
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        JdbcBatch<Map.Entry<ProductId, Stock>> stockUpdates = JdbcBatch.of(UPDATE_STOCK, ProductDayRows::stockRow);
        JdbcBatch<Map.Entry<ProductId, Stock>> stockInserts = JdbcBatch.of(INSERT_STOCK, ProductDayRows::stockRow);
        changedStocks.forEach((productId, stock) ->
                (stock.name() == null ? stockUpdates : stockInserts).add(Map.entry(productId, stock)));
        stockUpdates.write(named);
        stockInserts.write(named);
        JdbcBatch.of(ADD_TO_DAY, ProductDayRows::dayRow).addAll(days.entrySet()).writeOrInsert(named, INSERT_DAY);
        JdbcBatch.of(UPDATE_PRICE, ProductDayRows::reservationRow)
                .addAll(reservations.entrySet())
                .writeOrInsert(named, INSERT_PRICE);
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

    private Stock stock(ProductId productId) {
        if (!stocks.containsKey(productId)) {
            stocks.put(
                    productId,
                    jdbc
                            .query(
                                    "SELECT available, version FROM report_product WHERE product_id = ?",
                                    (rs, i) -> new Stock(rs.getInt(1), rs.getLong(2), null),
                                    productId.value())
                            .stream()
                            .findFirst()
                            .orElse(null));
        }
        return stocks.get(productId);
    }

    private void addToDay(ProductId productId, LocalDate day, Counts counts, int stockEndOfDay) {
        DayKey key = new DayKey(productId, day);
        DayChange change = days.get(key);
        days.put(
                key,
                change == null
                        ? new DayChange(counts, stockEndOfDay, stockEndOfDay)
                        : new DayChange(change.counts().plus(counts), stockEndOfDay, change.stockIfNew()));
    }
}
