package io.sourced.query;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

/** The tokens of the processors the views' groups were, before they shared {@link ViewsProcessor}. */
public final class FormerViewTokens {

    static final List<String> FORMER_PROCESSORS =
            List.of("orders-view", "order-history", "products-view", "customers-view", "event-log");

    private FormerViewTokens() {}

    /**
     * Gives the views' processor, once, a token at the lowest position any former processor had handled everything
     * up to, with their segments (as the orders view had split them), and removes theirs. The groups that were further
     * on see again the events between: each view is written to apply an event once, however often it is delivered
     * (dead letters are retried the same way). Nothing to do on a new database.
     */
    public static void merge(Connection connection) throws SQLException {
        if (!stored(connection, ViewsProcessor.NAME).isEmpty()) {
            return;
        }
        OptionalLong lowest = OptionalLong.empty();
        for (String former : FORMER_PROCESSORS) {
            for (Stored stored : stored(connection, former)) {
                OptionalLong handled = handledUpTo(stored);
                if (handled.isEmpty()) {
                    // it had not started, or was replaying: the views start from the first event
                    delete(connection);
                    return;
                }
                lowest = OptionalLong.of(Math.min(handled.getAsLong(), lowest.orElse(Long.MAX_VALUE)));
            }
        }
        if (lowest.isEmpty()) {
            return;
        }
        List<Integer> segments = stored(connection, FORMER_PROCESSORS.get(0)).stream()
                .map(Stored::segment)
                .toList();
        SerializedObject<byte[]> token = JacksonSerializer.defaultSerializer()
                .serialize(GapAwareTrackingToken.newInstance(lowest.getAsLong(), new TreeSet<>()), byte[].class);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tokenentry"
                + " (processorname, segment, token, tokentype, timestamp, owner) VALUES (?, ?, ?, ?, ?, NULL)")) {
            for (int segment : segments.isEmpty() ? List.of(0) : segments) {
                insert.setString(1, ViewsProcessor.NAME);
                insert.setInt(2, segment);
                insert.setBytes(3, token.getData());
                insert.setString(4, token.getType().getName());
                insert.setString(5, Instant.now().toString());
                insert.executeUpdate();
            }
        }
        delete(connection);
    }

    private record Stored(int segment, byte[] token, String type) {}

    private static OptionalLong handledUpTo(Stored stored) {
        if (stored.token() == null || stored.type() == null) {
            return OptionalLong.empty();
        }
        ObjectMapper lenient = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        TrackingToken token = JacksonSerializer.builder()
                .objectMapper(lenient)
                .build()
                .deserialize(new SimpleSerializedObject<>(stored.token(), byte[].class, stored.type(), null));
        if (token instanceof ReplayToken replay) {
            token = replay.getCurrentToken();
        }
        if (!(token instanceof GapAwareTrackingToken gapAware)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(
                gapAware.getGaps().isEmpty()
                        ? gapAware.getIndex()
                        : gapAware.getGaps().first() - 1);
    }

    private static List<Stored> stored(Connection connection, String processor) throws SQLException {
        List<Stored> stored = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT segment, token, tokentype FROM tokenentry WHERE processorname = ?")) {
            select.setString(1, processor);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.add(new Stored(rows.getInt(1), rows.getBytes(2), rows.getString(3)));
                }
            }
        }
        return stored;
    }

    private static void delete(Connection connection) throws SQLException {
        try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM tokenentry WHERE processorname IN (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < FORMER_PROCESSORS.size(); i++) {
                delete.setString(i + 1, FORMER_PROCESSORS.get(i));
            }
            delete.executeUpdate();
        }
    }
}
