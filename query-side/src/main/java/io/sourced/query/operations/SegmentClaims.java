package io.sourced.query.operations;

import io.sourced.api.operations.SegmentClaim;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every processor's segments as the token store holds them, whichever replica processes them: the holder and its
 * liveness, and the position last stored. Read without claiming anything.
 */
@Component
class SegmentClaims {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Duration replicaTimeout;

    SegmentClaims(
            JdbcTemplate jdbc, Serializer serializer, @Value("${sourced.replica.timeout:8s}") Duration replicaTimeout) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.replicaTimeout = replicaTimeout;
    }

    private record Row(String processor, SegmentClaim claim) {}

    Map<String, List<SegmentClaim>> byProcessor() {
        return jdbc
                .query(
                        "SELECT t.processorname, t.segment, t.owner, t.token, t.tokentype, r.heartbeat_at,"
                                + " CURRENT_TIMESTAMP AS now FROM tokenentry t LEFT JOIN replica r ON r.name = t.owner"
                                + " ORDER BY t.processorname, t.segment",
                        (row, i) -> new Row(row.getString("processorname"), claim(row)))
                .stream()
                .collect(Collectors.groupingBy(
                        Row::processor, LinkedHashMap::new, Collectors.mapping(Row::claim, Collectors.toList())));
    }

    private SegmentClaim claim(ResultSet row) throws SQLException {
        Timestamp heartbeat = row.getTimestamp("heartbeat_at");
        boolean alive = heartbeat != null
                && row.getTimestamp("now").getTime() - heartbeat.getTime() <= replicaTimeout.toMillis();
        TrackingToken token = token(row.getBytes("token"), row.getString("tokentype"));
        return new SegmentClaim(
                row.getInt("segment"),
                row.getString("owner"),
                alive,
                position(token),
                token instanceof ReplayToken replay && stillReplaying(replay));
    }

    private TrackingToken token(byte[] bytes, String type) {
        if (bytes == null || type == null) {
            return null;
        }
        return serializer.deserialize(
                new SimpleSerializedObject<>(bytes, byte[].class, new SimpleSerializedType(type, null)));
    }

    private static boolean stillReplaying(ReplayToken replay) {
        OptionalLong reset = replay.getTokenAtReset() == null
                ? OptionalLong.empty()
                : replay.getTokenAtReset().position();
        OptionalLong current = replay.position();
        return reset.isEmpty() || current.isEmpty() || current.getAsLong() < reset.getAsLong();
    }

    static Long position(TrackingToken token) {
        if (token == null) {
            return null;
        }
        OptionalLong position = token.position();
        return position.isPresent() ? position.getAsLong() : null;
    }
}
