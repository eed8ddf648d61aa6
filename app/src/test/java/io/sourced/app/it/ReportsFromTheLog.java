package io.sourced.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reports computed again, independently of the reports processor: straight from the event store's table, by the
 * definitions in the README (a day is the UTC date of an event's timestamp).
 */
final class ReportsFromTheLog {

    record Event(long position, String type, JsonNode payload, Instant timestamp) {
        LocalDate day() {
            return LocalDate.ofInstant(timestamp, ZoneOffset.UTC);
        }

        String text(String field) {
            return payload.path(field).asText();
        }

        int number(String field) {
            return payload.path(field).asInt();
        }
    }

    record ProductDay(String productId, LocalDate day) implements Comparable<ProductDay> {
        @Override
        public int compareTo(ProductDay other) {
            int byDay = day.compareTo(other.day);
            return byDay != 0 ? byDay : productId.compareTo(other.productId);
        }
    }

    /** One row of the product report; amounts without trailing zeros so that equal numbers are equal rows. */
    record ProductRow(
            String productName,
            int unitsOrdered,
            int unitsSold,
            BigDecimal revenue,
            int unitsLost,
            int unitsWrittenOff,
            int unitsReturned,
            BigDecimal refunded,
            int stockEndOfDay,
            BigDecimal sellThrough) {
        static ProductRow of(JsonNode json) {
            return new ProductRow(
                    json.path("productName").asText(),
                    json.path("unitsOrdered").asInt(),
                    json.path("unitsSold").asInt(),
                    plain(json.path("revenue")),
                    json.path("unitsLost").asInt(),
                    json.path("unitsWrittenOff").asInt(),
                    json.path("unitsReturned").asInt(),
                    plain(json.path("refunded")),
                    json.path("stockEndOfDay").asInt(),
                    plain(json.path("sellThrough")));
        }
    }

    record DayRow(
            int placed,
            int accepted,
            int rejectedOutOfStock,
            int rejectedPaymentDeclined,
            int rejectedTimeout,
            int cancelled,
            BigDecimal medianSecondsToAccept,
            BigDecimal p95SecondsToAccept) {
        static DayRow of(JsonNode json) {
            return new DayRow(
                    json.path("placed").asInt(),
                    json.path("accepted").asInt(),
                    json.path("rejectedOutOfStock").asInt(),
                    json.path("rejectedPaymentDeclined").asInt(),
                    json.path("rejectedTimeout").asInt(),
                    json.path("cancelled").asInt(),
                    plain(json.path("medianSecondsToAccept")),
                    plain(json.path("p95SecondsToAccept")));
        }
    }

    private final List<Event> events;

    private ReportsFromTheLog(List<Event> events) {
        this.events = events;
    }

    static ReportsFromTheLog read(JdbcTemplate jdbc) {
        return new ReportsFromTheLog(jdbc.query(
                "SELECT globalindex, payloadtype, payload, timestamp FROM domainevententry ORDER BY globalindex",
                (rs, i) -> {
                    String type = rs.getString(2);
                    return new Event(
                            rs.getLong(1),
                            type.substring(type.lastIndexOf('.') + 1),
                            json(rs.getBytes(3)),
                            Instant.parse(rs.getString(4)));
                }));
    }

    LocalDate firstDay() {
        return events.get(0).day();
    }

    LocalDate lastDay() {
        return events.stream().map(Event::day).max(LocalDate::compareTo).orElseThrow();
    }

    Map<ProductDay, ProductRow> products() {
        Map<String, String> names = new HashMap<>();
        Map<String, BigDecimal> reservedPrices = new HashMap<>();
        Map<ProductDay, int[]> units = new TreeMap<>(); // ordered, sold, lost, written off, returned
        Map<ProductDay, BigDecimal> revenue = new HashMap<>();
        Map<ProductDay, BigDecimal> refunded = new HashMap<>();
        // the available stock after each product event, in log order
        Map<String, List<Event>> stockEvents = new HashMap<>();
        Map<Event, Integer> availableAfter = new HashMap<>();
        Map<String, Integer> available = new HashMap<>();
        for (Event e : events) {
            String product = e.text("productId");
            switch (e.type()) {
                case "ProductRegisteredEvent" -> {
                    names.put(product, e.text("name"));
                    available.put(product, e.number("initialStock"));
                }
                case "ProductRestockedEvent" -> available.merge(product, e.number("quantity"), Integer::sum);
                case "StockReservedEvent" -> {
                    available.merge(product, -e.number("quantity"), Integer::sum);
                    reservedPrices.put(
                            e.text("orderId") + "/" + product,
                            e.payload().path("unitPrice").decimalValue());
                }
                case "StockReleasedEvent" -> available.merge(product, e.number("quantity"), Integer::sum);
                case "StockWrittenOffEvent" -> {
                    available.merge(product, -e.number("quantity"), Integer::sum);
                    units.computeIfAbsent(new ProductDay(product, e.day()), k -> new int[5])[3] += e.number("quantity");
                }
                case "ReservationConfirmedEvent" -> {
                    ProductDay key = new ProductDay(product, e.day());
                    units.computeIfAbsent(key, k -> new int[5])[1] += e.number("quantity");
                    revenue.merge(
                            key,
                            reservedPrices
                                    .get(e.text("orderId") + "/" + product)
                                    .multiply(BigDecimal.valueOf(e.number("quantity"))),
                            BigDecimal::add);
                }
                // the return completed: the units are available again, and their refund leaves the revenue
                case "ReturnedStockReleasedEvent" -> {
                    ProductDay key = new ProductDay(product, e.day());
                    available.merge(product, e.number("quantity"), Integer::sum);
                    units.computeIfAbsent(key, k -> new int[5])[4] += e.number("quantity");
                    BigDecimal refund = reservedPrices
                            .get(e.text("orderId") + "/" + product)
                            .multiply(BigDecimal.valueOf(e.number("quantity")));
                    refunded.merge(key, refund, BigDecimal::add);
                    revenue.merge(key, refund.negate(), BigDecimal::add);
                }
                // units held for a return, or sold again: the available stock does not move, nothing is counted
                case "StockReturnedEvent", "StockReturnCancelledEvent" -> {
                    continue;
                }
                case "StockReservationRejectedEvent" ->
                    units.computeIfAbsent(new ProductDay(product, e.day()), k -> new int[5])[2] +=
                            e.number("requested");
                case "OrderPlacedEvent" ->
                    e.payload()
                            .path("lines")
                            .forEach(line -> units.computeIfAbsent(
                                                    new ProductDay(
                                                            line.path("productId")
                                                                    .asText(),
                                                            e.day()),
                                                    k -> new int[5])[0] +=
                                    line.path("quantity").asInt());
                default -> {
                    continue;
                }
            }
            if (e.type().startsWith("Product")
                    || e.type().startsWith("Stock")
                    || e.type().startsWith("Reservation")
                    || e.type().equals("ReturnedStockReleasedEvent")) {
                units.computeIfAbsent(new ProductDay(product, e.day()), k -> new int[5]);
                stockEvents.computeIfAbsent(product, p -> new ArrayList<>()).add(e);
                availableAfter.put(e, available.get(product));
            }
        }
        Map<ProductDay, ProductRow> rows = new TreeMap<>();
        units.forEach((key, counts) -> {
            int stock = stockAtEndOf(key, stockEvents.getOrDefault(key.productId(), List.of()), availableAfter);
            int base = counts[1] + stock;
            rows.put(
                    key,
                    new ProductRow(
                            names.get(key.productId()),
                            counts[0],
                            counts[1],
                            plain(revenue.getOrDefault(key, BigDecimal.ZERO)),
                            counts[2],
                            counts[3],
                            counts[4],
                            plain(refunded.getOrDefault(key, BigDecimal.ZERO)),
                            stock,
                            base == 0
                                    ? null
                                    : plain(BigDecimal.valueOf(counts[1])
                                            .divide(BigDecimal.valueOf(base), 4, RoundingMode.HALF_UP))));
        });
        return rows;
    }

    Map<LocalDate, DayRow> days() {
        Map<String, Instant> placedAt = new HashMap<>();
        Map<LocalDate, int[]> counts = new TreeMap<>(); // placed, accepted, out of stock, declined, timeout, cancelled
        Map<LocalDate, List<Long>> timesToAccept = new HashMap<>();
        for (Event e : events) {
            int column = switch (e.type()) {
                case "OrderPlacedEvent" -> 0;
                case "OrderAcceptedEvent" -> 1;
                case "OrderRejectedEvent" ->
                    switch (e.text("reason")) {
                        case "OUT_OF_STOCK" -> 2;
                        case "PAYMENT_DECLINED" -> 3;
                        default -> 4;
                    };
                case "OrderCancelledEvent" -> 5;
                default -> -1;
            };
            if (column < 0) {
                continue;
            }
            counts.computeIfAbsent(e.day(), d -> new int[6])[column]++;
            if (column == 0) {
                placedAt.put(e.text("orderId"), e.timestamp());
            } else if (column == 1) {
                timesToAccept
                        .computeIfAbsent(e.day(), d -> new ArrayList<>())
                        .add(Duration.between(
                                        placedAt.get(e.text("orderId")).truncatedTo(ChronoUnit.MILLIS),
                                        e.timestamp().truncatedTo(ChronoUnit.MILLIS))
                                .toMillis());
            }
        }
        Map<LocalDate, DayRow> rows = new TreeMap<>();
        counts.forEach((day, c) -> {
            List<Long> times = timesToAccept.getOrDefault(day, List.of());
            rows.put(
                    day,
                    new DayRow(
                            c[0], c[1], c[2], c[3], c[4], c[5], percentile(times, "0.5"), percentile(times, "0.95")));
        });
        return rows;
    }

    /** The available stock after the product's last event on or before that day. */
    private static int stockAtEndOf(ProductDay key, List<Event> stockEvents, Map<Event, Integer> availableAfter) {
        Integer stock = null;
        for (Event e : stockEvents) {
            if (!e.day().isAfter(key.day())) {
                stock = availableAfter.get(e);
            }
        }
        return stock == null ? 0 : stock;
    }

    /** Linear interpolation between the nearest ranks (PostgreSQL's percentile_cont), in seconds. */
    private static BigDecimal percentile(List<Long> millis, String fraction) {
        if (millis.isEmpty()) {
            return null;
        }
        List<Long> sorted = millis.stream().sorted().toList();
        BigDecimal rank = new BigDecimal(fraction).multiply(BigDecimal.valueOf(sorted.size() - 1));
        BigDecimal below = rank.setScale(0, RoundingMode.FLOOR);
        BigDecimal above = rank.setScale(0, RoundingMode.CEILING);
        BigDecimal low = BigDecimal.valueOf(sorted.get(below.intValueExact()));
        BigDecimal high = BigDecimal.valueOf(sorted.get(above.intValueExact()));
        BigDecimal value = low.add(rank.subtract(below).multiply(high.subtract(low)));
        return plain(value.movePointLeft(3).setScale(3, RoundingMode.HALF_UP));
    }

    private static BigDecimal plain(JsonNode number) {
        return number.isNull() || number.isMissingNode() ? null : plain(number.decimalValue());
    }

    private static BigDecimal plain(BigDecimal number) {
        return number == null ? null : number.stripTrailingZeros();
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return Api.JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
