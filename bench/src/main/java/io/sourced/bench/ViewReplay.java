package io.sourced.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.bench.SourcedApi.Processor;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Every replayable processor of the running application replayed at once through the admin API, as an operator
 * would. Their progress is read from the token table rather than from {@code GET /api/admin/processors}: each API
 * call is a signed-in request whose password check would take CPU from the replay being measured.
 */
final class ViewReplay {

    static final Duration POLL = Duration.ofMillis(100);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ViewReplay() {}

    /**
     * Each chosen replayable processor's progress, by name; the replay of all of them is that of the slowest. (How an
     * earlier jar replays: it resets their tokens, which this follows.)
     */
    static Map<String, Progress> run(SourcedApi api, Store store, Duration limit, Predicate<Processor> chosen)
            throws Exception {
        List<Processor> replayable = api.processors().stream()
                .filter(Processor::replayable)
                .filter(chosen)
                .toList();
        long head = replayable.stream().mapToLong(Processor::headPosition).max().orElseThrow();
        Map<String, Progress> progress = new LinkedHashMap<>();
        try (Connection connection = store.connect()) {
            long started = System.nanoTime();
            for (Processor processor : replayable) {
                int status = api.replay(processor.name());
                if (status != 202) {
                    throw new IllegalStateException("replaying " + processor.name() + " answered " + status);
                }
            }
            long deadline = started + limit.toNanos();
            while (progress.size() < replayable.size()) {
                Thread.sleep(POLL.toMillis());
                boolean late = System.nanoTime() >= deadline;
                double seconds = (System.nanoTime() - started) / 1e9;
                Map<String, Long> positions = positions(connection);
                for (Processor processor : replayable) {
                    long position = positions.getOrDefault(processor.name(), 0L);
                    if (!progress.containsKey(processor.name()) && (position >= head || late)) {
                        progress.put(
                                processor.name(), new Progress(Math.min(position, head), seconds, position >= head));
                    }
                }
            }
        }
        return progress;
    }

    /** All of them together: done when the slowest is. */
    static Progress slowest(Map<String, Progress> progress) {
        return progress.values().stream()
                .reduce((a, b) -> new Progress(
                        Math.min(a.events(), b.events()), Math.max(a.seconds(), b.seconds()), a.done() && b.done()))
                .orElseThrow();
    }

    /** Each processor's position: the lowest of its segments' tokens. */
    static Map<String, Long> positions(Connection connection) throws SQLException, IOException {
        Map<String, Long> positions = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                        "SELECT " + StatementKind.RUNNER_MARK + " processorname, token FROM tokenentry");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                positions.merge(rows.getString(1), position(rows.getBytes(2)), Math::min);
            }
        }
        return positions;
    }

    /**
     * A token's global index as the application's serializer writes it: {@code {"index":n,...}} for a tracking
     * token, the same under {@code currentToken} while replaying; none yet is position 0.
     */
    static long position(byte[] token) throws IOException {
        if (token == null) {
            return 0;
        }
        JsonNode root = JSON.readTree(token);
        JsonNode current = root.has("tokenAtReset") ? root.path("currentToken") : root;
        return current.path("index").asLong(0);
    }
}
