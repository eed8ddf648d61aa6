package io.sourced.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The stored events as JSON, read straight from the event store's table. */
record EventLog(List<Entry> entries) {

    record Entry(long position, String aggregateId, String type, JsonNode payload, JsonNode metadata) {
        String simpleType() {
            return type.substring(type.lastIndexOf('.') + 1);
        }
    }

    static EventLog read(JdbcTemplate jdbc) {
        return new EventLog(jdbc.query(
                "SELECT globalindex, aggregateidentifier, payloadtype, payload, metadata FROM domainevententry ORDER BY globalindex",
                (rs, i) -> new Entry(
                        rs.getLong(1), rs.getString(2), rs.getString(3), json(rs.getBytes(4)), json(rs.getBytes(5)))));
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return bytes == null ? Api.JSON.nullNode() : Api.JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Entry> about(String orderId) {
        return entries.stream()
                .filter(e -> orderId.equals(e.payload().path("orderId").asText()))
                .toList();
    }

    long count(String simpleType, String orderId) {
        return about(orderId).stream()
                .filter(e -> e.simpleType().equals(simpleType))
                .count();
    }

    long count(String simpleType, String orderId, String productId) {
        return about(orderId).stream()
                .filter(e -> e.simpleType().equals(simpleType)
                        && productId.equals(e.payload().path("productId").asText()))
                .count();
    }

    /** "OrderAcceptedEvent", "OrderRejectedEvent TIMEOUT" …: how the order ended, or "pending". */
    String terminalOf(String orderId) {
        return about(orderId).stream()
                .filter(e -> List.of("OrderAcceptedEvent", "OrderRejectedEvent", "OrderCancelledEvent")
                        .contains(e.simpleType()))
                .map(e -> (e.simpleType() + " " + e.payload().path("reason").asText("")).strip())
                .findFirst()
                .orElse("pending");
    }

    /** The order's events in log order, "StockReservedEvent 1a2b…" for a product's: what a failed check shows. */
    String trail(String orderId) {
        return about(orderId).stream()
                .map(e -> e.simpleType()
                        + (e.payload().has("productId")
                                ? " " + e.payload().path("productId").asText().substring(0, 8)
                                : ""))
                .toList()
                .toString();
    }
}
