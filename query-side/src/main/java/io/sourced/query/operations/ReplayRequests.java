package io.sourced.query.operations;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Replays across replicas. Resetting a processor's token needs every one of its segments, and other replicas on the
 * same database hold some: the replica asked to replay writes a request, every other replica stops that processor
 * (releasing its claims) while the request stands, and starts it again once the request is gone. A request left
 * behind by a replica that died mid-way lapses after {@link #LAPSE}.
 */
@Component
class ReplayRequests {

    static final Duration LAPSE = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(ReplayRequests.class);

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    /** Replays this replica performs: not to be stopped by its own request. */
    private final Set<String> ownRequests = ConcurrentHashMap.newKeySet();
    /** Processors this replica stopped for another's replay. */
    private final Set<String> stoppedForOthers = new HashSet<>();

    ReplayRequests(JdbcTemplate jdbc, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.processing = processing;
    }

    void request(String processor) {
        ownRequests.add(processor);
        jdbc.update("DELETE FROM replay_request WHERE processor = ?", processor);
        jdbc.update("INSERT INTO replay_request (processor, requested_at) VALUES (?, CURRENT_TIMESTAMP)", processor);
    }

    void withdraw(String processor) {
        try {
            jdbc.update("DELETE FROM replay_request WHERE processor = ?", processor);
        } finally {
            ownRequests.remove(processor);
        }
    }

    /** Whether no replica holds a claim on the processor's segments. */
    boolean unclaimed(String processor) {
        Integer claimed = jdbc.queryForObject(
                "SELECT COUNT(*) FROM tokenentry WHERE processorname = ? AND owner IS NOT NULL",
                Integer.class,
                processor);
        return claimed != null && claimed == 0;
    }

    synchronized void follow() {
        Set<String> requested = new HashSet<>(jdbc.queryForList(
                "SELECT processor FROM replay_request WHERE requested_at > ?",
                String.class,
                java.sql.Timestamp.from(java.time.Instant.now().minus(LAPSE))));
        requested.removeAll(ownRequests);
        for (String name : requested) {
            processing.eventProcessor(name).filter(EventProcessor::isRunning).ifPresent(processor -> {
                log.info("Stopping {} while another replica replays it", name);
                processor.shutdownAsync().join();
                stoppedForOthers.add(name);
            });
        }
        for (String name : List.copyOf(stoppedForOthers)) {
            if (!requested.contains(name)) {
                log.info("Starting {} again: its replay is under way", name);
                processing.eventProcessor(name).ifPresent(EventProcessor::start);
                stoppedForOthers.remove(name);
            }
        }
    }

    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void followQuietly() {
        try {
            follow();
        } catch (RuntimeException e) {
            log.warn("Could not follow replay requests: {}", e.getMessage());
        }
    }
}
