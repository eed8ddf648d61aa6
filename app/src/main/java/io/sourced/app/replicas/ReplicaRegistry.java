package io.sourced.app.replicas;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this replica's row in {@code replica} fresh: a heartbeat with the streaming processors it runs, written with
 * the database's clock so that replicas on hosts with different clocks agree on who is alive. A replica that stops
 * removes its row; a killed one goes silent and is taken for dead after {@link ReplicaSettings#timeout()}.
 */
@Component
class ReplicaRegistry {

    /** Rows of replicas silent for this long are removed: a restarted replica has a new name. */
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(ReplicaRegistry.class);

    private final JdbcTemplate jdbc;
    private final ReplicaSettings settings;
    private final EventProcessingConfiguration processing;

    ReplicaRegistry(JdbcTemplate jdbc, ReplicaSettings settings, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.processing = processing;
    }

    record Replica(String name, Set<String> processors, boolean alive) {}

    String name() {
        return settings.name();
    }

    /** Every replica on this database, alive or recently dead. */
    List<Replica> replicas() {
        long timeout = settings.timeout().toMillis();
        return jdbc.query(
                "SELECT name, processors, heartbeat_at, CURRENT_TIMESTAMP AS now FROM replica ORDER BY name",
                (row, i) -> new Replica(
                        row.getString("name"),
                        processorsOf(row.getString("processors")),
                        row.getTimestamp("now").getTime()
                                        - row.getTimestamp("heartbeat_at").getTime()
                                <= timeout));
    }

    void beat() {
        String processors = String.join(",", runningProcessors());
        int updated = jdbc.update(
                "UPDATE replica SET heartbeat_at = CURRENT_TIMESTAMP, processors = ? WHERE name = ?",
                processors,
                name());
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO replica (name, started_at, heartbeat_at, processors)"
                            + " VALUES (?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?)",
                    name(),
                    processors);
            // tidied as a replica joins, not on every beat
            jdbc.update(
                    "DELETE FROM replica WHERE heartbeat_at < ?",
                    Timestamp.from(Instant.now().minus(FORGET_AFTER)));
        }
    }

    private Set<String> runningProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(processor -> processor instanceof StreamingEventProcessor && processor.isRunning())
                .map(processor -> processor.getName())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> processorsOf(String list) {
        return list == null || list.isBlank()
                ? Set.of()
                : Arrays.stream(list.split(",")).collect(Collectors.toCollection(TreeSet::new));
    }

    @Scheduled(fixedDelayString = "${sourced.replica.heartbeat:2s}")
    void beatQuietly() {
        try {
            beat();
        } catch (RuntimeException e) {
            // the database may be restarting: the next beat tries again
            log.warn("Replica heartbeat failed: {}", e.getMessage());
        }
    }

    /** Removes this replica at once when it stops, so the others no longer count on it. */
    @PreDestroy
    void deregister() {
        try {
            jdbc.update("DELETE FROM replica WHERE name = ?", name());
        } catch (RuntimeException e) {
            log.warn("Could not deregister replica {}: {}", name(), e.getMessage());
        }
    }
}
