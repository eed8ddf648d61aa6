package io.sourced.query.views.reports;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.OrderId;
import io.sourced.query.views.reports.ProductDayRows.Counts;
import io.sourced.query.views.reports.ProductDayRows.DayChange;
import io.sourced.query.views.reports.ProductDayRows.DayKey;
import io.sourced.query.views.reports.ProductDayRows.ReservationKey;
import io.sourced.query.views.reports.ProductDayRows.Stock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One processor batch's changes to the product report: each product's day, its available stock, and the price each
 * order's units were reserved at. Each product is read at most once a batch and changed in memory;
 * {@link ProductDayRows} writes the changes before the batch commits.
 */
final class ProductDayChanges {

    private static final Logger log = LoggerFactory.getLogger(ProductDayChanges.class);

    private final SalesReportQueries queries;
    /** Products read or registered in this batch; null: not in the report. */
    private final Map<ProductId, Stock> stocks = new HashMap<>();

    private final Map<ProductId, Stock> changedStocks = new LinkedHashMap<>();
    private final Map<DayKey, DayChange> days = new LinkedHashMap<>();
    private final Map<ReservationKey, BigDecimal> reservations = new LinkedHashMap<>();

    ProductDayChanges(SalesReportQueries queries) {
        this.queries = queries;
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
            unitPrice = queries.reservationPrice(orderId, productId).orElse(null);
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

    /** Writes the batch's changes: the stocks, the products' days, the reservation prices. */
    void writeTo(ProductDayRows rows) {
        rows.save(changedStocks, days, reservations);
    }

    private Stock stock(ProductId productId) {
        if (!stocks.containsKey(productId)) {
            stocks.put(
                    productId,
                    queries.stock(productId)
                            .map(stored -> new Stock(stored.available(), stored.version(), null))
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
