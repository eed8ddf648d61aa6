package io.sourced.query.log.lake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.query.log.eventlog.BatchPositions;
import io.sourced.query.log.eventlog.Event;
import io.sourced.query.log.eventlog.EventMapper;
import jakarta.annotation.PostConstruct;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The data-lake feed: every event, once, as a line of JSON (the API's {@code Event}) in files partitioned by day
 * and type (see {@link LakeLayout}).
 * <p>
 * Exactly once, although the folder is not in the database transaction: each event's position and each file are
 * recorded in {@link LakeLedger} in the processor's transaction, with its token. A batch's files are staged
 * (hidden, complete, on disk) just before that transaction commits and renamed into place once it has. A crash in
 * between leaves staged files, which {@link LakeFiles#reconcile} publishes when recorded and deletes when not (their
 * events come again) before anything else is written. A redelivered event is recognised by its id.
 * <p>
 * Positions are the event log's: an event that fills a gap of the log is written at its own position (see
 * {@link io.sourced.query.log.eventlog.LogPositions#inferred}), which needs every event in log order through one segment, and none left out:
 * a failure stops the processor, which retries (see DataLakeConfiguration).
 * <p>
 * A replay deletes the lake and rebuilds it: the reset clears the ledger, and the first batch after it deletes
 * every file the ledger no longer holds before it writes.
 */
@Component
@ProcessingGroup(DataLakeProjector.PROCESSING_GROUP)
@ConditionalOnProperty(name = "sourced.lake.enabled", matchIfMissing = true)
class DataLakeProjector {

    static final String PROCESSING_GROUP = "data-lake";

    private static final Logger log = LoggerFactory.getLogger(DataLakeProjector.class);
    private static final String BATCH = DataLakeProjector.class.getName() + "/batch";

    private final LakeLedger ledger;
    private final LakeFiles files;
    private final EventMapper mapper;
    private final ObjectMapper json;
    /** Committed files whose rename failed: published before the next batch writes anything. */
    private final Map<String, byte[]> unpublished = new ConcurrentHashMap<>();
    /** Whether the folder agrees with the ledger; not at start-up nor after a reset until reconciled. */
    private volatile boolean reconciled;

    @Autowired
    DataLakeProjector(JdbcTemplate jdbc, EventMapper mapper, ObjectMapper json, LakeSettings settings) {
        this(new LakeLedger(jdbc), new LakeFiles(settings.path()), mapper, json);
    }

    DataLakeProjector(LakeLedger ledger, LakeFiles files, EventMapper mapper, ObjectMapper json) {
        this.ledger = ledger;
        this.files = files;
        this.mapper = mapper;
        this.json = json;
    }

    /** Before the processor starts: publishes what a crash left staged, so it shows without waiting for an event. */
    @PostConstruct
    void reconcileAtStartUp() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            log.warn(
                    "Could not reconcile the data lake in {} at start-up; the processor retries before it writes",
                    files.root(),
                    e);
        }
    }

    @EventHandler
    void on(EventMessage<?> message, TrackingToken token) {
        Batch batch = currentBatch();
        batch.positions
                .place(message.getIdentifier(), token)
                .ifPresent(position -> batch.add(mapper.toEvent(message, position)));
    }

    @ResetHandler
    void reset() {
        ledger.clear();
        unpublished.clear();
        reconciled = false;
    }

    private Batch currentBatch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> begin(unitOfWork));
    }

    private Batch begin(UnitOfWork<?> unitOfWork) {
        if (!reconciled) {
            reconcile();
        }
        unpublished.forEach((file, content) -> {
            files.publish(file, content);
            unpublished.remove(file);
        });
        Batch batch = new Batch();
        unitOfWork.onPrepareCommit(u -> batch.stage());
        unitOfWork.afterCommit(u -> batch.publish());
        unitOfWork.onRollback(u -> batch.discard());
        return batch;
    }

    private void reconcile() {
        LakeFiles.Reconciliation done = files.reconcile(ledger.fileNames());
        if (!done.published().isEmpty() || !done.deleted().isEmpty()) {
            log.info(
                    "Data lake {}: published {} staged file(s) of committed batches, deleted {} not recorded",
                    files.root(),
                    done.published().size(),
                    done.deleted().size());
        }
        if (!done.missing().isEmpty()) {
            log.warn(
                    "Data lake {}: {} recorded file(s) are missing, first {}; replay the {} processor to rebuild the lake",
                    files.root(),
                    done.missing().size(),
                    done.missing().get(0),
                    PROCESSING_GROUP);
        }
        reconciled = true;
    }

    /** The events of one processor batch, written as one file per day and type. */
    private final class Batch {

        private final BatchPositions positions = ledger.positions();
        private final List<Event> events = new ArrayList<>();
        private final Map<String, byte[]> written = new LinkedHashMap<>();

        void add(Event event) {
            events.add(event);
        }

        void stage() {
            ledger.recordEvents(events);
            Map<String, List<Event>> partitions = events.stream()
                    .collect(Collectors.groupingBy(LakeLayout::partitionOf, LinkedHashMap::new, Collectors.toList()));
            partitions.forEach((partition, inPartition) -> {
                List<Event> ordered = inPartition.stream()
                        .sorted(Comparator.comparingLong(Event::position))
                        .toList();
                long first = ordered.get(0).position();
                long last = ordered.get(ordered.size() - 1).position();
                String file = LakeLayout.fileOf(partition, first, last);
                byte[] content = lines(ordered);
                written.put(file, content);
                files.stage(file, content);
                ledger.recordFile(new LakeLedger.LakeFile(file, first, last, ordered.size()));
            });
        }

        void publish() {
            written.forEach((file, content) -> {
                try {
                    files.publish(file, content);
                } catch (RuntimeException e) {
                    log.warn("Could not publish data-lake file {}; retried before the next batch", file, e);
                    unpublished.put(file, content);
                }
            });
        }

        void discard() {
            written.keySet().forEach(file -> {
                try {
                    files.discard(file);
                } catch (RuntimeException e) {
                    log.warn("Could not remove staged data-lake file {}; reconciled at the next start", file, e);
                }
            });
        }
    }

    private byte[] lines(List<Event> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (Event event : events) {
                out.write(json.writeValueAsBytes(event));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write an event as JSON", e);
        }
        return out.toByteArray();
    }
}
