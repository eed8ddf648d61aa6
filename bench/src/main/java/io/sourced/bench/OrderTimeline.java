package io.sourced.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * When each order was placed and when it ended, from the Order aggregate's events in the event store: the times
 * the application itself stamped on them, read after the step so reading costs the load nothing.
 */
final class OrderTimeline {

    private static final String PLACED = "io.sourced.api.ordering.OrderPlacedEvent";
    private static final String ACCEPTED = "io.sourced.api.ordering.OrderAcceptedEvent";

    /** An order's placement and, once it has one, its terminal event. */
    record Order(Instant placed, Instant ended, boolean accepted) {}

    private OrderTimeline() {}

    static long head(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT " + StatementKind.RUNNER_MARK
                        + " COALESCE(MAX(globalindex), 0) FROM domainevententry")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The orders whose events were appended after the given position, by id. */
    static Map<String, Order> after(Connection connection, long position) throws SQLException {
        Map<String, Instant> placed = new HashMap<>();
        Map<String, Order> orders = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + StatementKind.RUNNER_MARK + " aggregateidentifier, payloadtype, timestamp"
                        + " FROM domainevententry WHERE globalindex > ? AND type = 'Order' ORDER BY globalindex")) {
            query.setLong(1, position);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String orderId = rows.getString(1);
                    Instant at = Instant.parse(rows.getString(3));
                    if (PLACED.equals(rows.getString(2))) {
                        placed.put(orderId, at);
                        orders.put(orderId, new Order(at, null, false));
                    } else if (placed.containsKey(orderId)) {
                        orders.put(orderId, new Order(placed.get(orderId), at, ACCEPTED.equals(rows.getString(2))));
                    }
                }
            }
        }
        return orders;
    }
}
