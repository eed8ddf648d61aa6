package io.sourced.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.util.List;

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
                (rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), json(rs.getBytes(4)), json(rs.getBytes(5)))));
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return bytes == null ? Api.JSON.nullNode() : Api.JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Entry> about(String orderId) {
        return entries.stream().filter(e -> orderId.equals(e.payload().path("orderId").asText())).toList();
    }

    long count(String simpleType, String orderId) {
        return about(orderId).stream().filter(e -> e.simpleType().equals(simpleType)).count();
    }

    long count(String simpleType, String orderId, String productId) {
        return about(orderId).stream()
                .filter(e -> e.simpleType().equals(simpleType) && productId.equals(e.payload().path("productId").asText()))
                .count();
    }
}
