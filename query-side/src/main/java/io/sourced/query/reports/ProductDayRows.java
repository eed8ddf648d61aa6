package io.sourced.query.reports;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.OrderId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Writes {@code product_day_report} and what it carries between events: each product's available stock
 * ({@code report_product}) and the price each order's units were reserved at ({@code report_reservation}).
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
    }

    private record Stock(int available, long version) {
    }

    private final JdbcTemplate jdbc;

    ProductDayRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void registered(ProductId productId, String name, int initialStock, long sequence, LocalDate day) {
        if (stock(productId) != null) {
            return;
        }
        jdbc.update("INSERT INTO report_product (product_id, name, available, version) VALUES (?, ?, ?, ?)",
                productId.value(), name, initialStock, sequence);
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
        int available = stock.available() + availableChange;
        jdbc.update("UPDATE report_product SET available = ?, version = ? WHERE product_id = ?",
                available, sequence, productId.value());
        addToDay(productId, day, counts, available);
    }

    /** Units on an order's line: the stock does not move, so a new row of the day starts with the stock carried forward. */
    void ordered(ProductId productId, int units, LocalDate day) {
        int changed = jdbc.update("""
                UPDATE product_day_report SET units_ordered = units_ordered + ?
                WHERE product_id = ? AND report_day = ?""", units, productId.value(), day);
        if (changed == 0) {
            Stock stock = stock(productId);
            insertDay(productId, day, Counts.ordered(units), stock == null ? 0 : stock.available());
        }
    }

    void reservedAt(OrderId orderId, ProductId productId, BigDecimal unitPrice) {
        int changed = jdbc.update("UPDATE report_reservation SET unit_price = ? WHERE order_id = ? AND product_id = ?",
                unitPrice, orderId.value(), productId.value());
        if (changed == 0) {
            jdbc.update("INSERT INTO report_reservation (order_id, product_id, unit_price) VALUES (?, ?, ?)",
                    orderId.value(), productId.value(), unitPrice);
        }
    }

    /** Revenue of units sold: the units × the unit price of the order's reservation. */
    BigDecimal revenue(OrderId orderId, ProductId productId, int units) {
        BigDecimal unitPrice = jdbc.query("SELECT unit_price FROM report_reservation WHERE order_id = ? AND product_id = ?",
                (rs, i) -> rs.getBigDecimal(1), orderId.value(), productId.value()).stream().findFirst().orElse(null);
        if (unitPrice == null) {
            log.warn("No reservation price for order {} and product {}: {} units sold count no revenue", orderId,
                    productId, units);
            return BigDecimal.ZERO;
        }
        return unitPrice.multiply(BigDecimal.valueOf(units));
    }

    void clear() {
        jdbc.update("DELETE FROM product_day_report");
        jdbc.update("DELETE FROM report_product");
        jdbc.update("DELETE FROM report_reservation");
    }

    private Stock stock(ProductId productId) {
        return jdbc.query("SELECT available, version FROM report_product WHERE product_id = ?",
                (rs, i) -> new Stock(rs.getInt(1), rs.getLong(2)), productId.value()).stream().findFirst().orElse(null);
    }

    private void addToDay(ProductId productId, LocalDate day, Counts counts, int stockEndOfDay) {
        int changed = jdbc.update("""
                        UPDATE product_day_report SET units_ordered = units_ordered + ?, units_sold = units_sold + ?,
                            revenue = revenue + ?, units_lost = units_lost + ?, stock_end_of_day = ?
                        WHERE product_id = ? AND report_day = ?""",
                counts.ordered(), counts.sold(), counts.revenue(), counts.lost(), stockEndOfDay, productId.value(), day);
        if (changed == 0) {
            insertDay(productId, day, counts, stockEndOfDay);
        }
    }

    private void insertDay(ProductId productId, LocalDate day, Counts counts, int stockEndOfDay) {
        jdbc.update("""
                        INSERT INTO product_day_report (product_id, report_day, units_ordered, units_sold, revenue, units_lost,
                            stock_end_of_day)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""",
                productId.value(), day, counts.ordered(), counts.sold(), counts.revenue(), counts.lost(), stockEndOfDay);
    }
}
