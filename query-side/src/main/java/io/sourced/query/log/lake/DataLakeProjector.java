package io.sourced.query.log.lake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.batching.BatchScope;
import io.sourced.query.log.eventlog.BatchPositions;
import io.sourced.query.log.eventlog.Event;
import io.sourced.query.log.eventlog.EventMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data-lake feed: every event, once, as a line of JSON (the API's {@code Event}) in files partitioned by day
 * and type (see {@link LakeLayout}), in the one folder that every replica shares ({@link SharedLakeFolder}).
 * <p>
 * Exactly once, although the folder is not in the database transaction: each event's position and each file are
 * recorded in {@link LakeLedger} in the processor's transaction, with its token. A batch's files are staged
 * (hidden, complete, on disk) just before that transaction commits and renamed into place once it has. A batch that
 * rolls back, or whose commit fails without saying whether it went through (the connection lost during the commit),
 * leaves its files staged: before the next batch writes, they are settled by the ledger, read under the lake's lock
 * so that the transaction in doubt has ended: published when recorded, deleted when not (their events come again).
 * A redelivered event is recognised by its id.
 * <p>
 * Another replica may write the lake between two batches of this one (the segment handed over): a batch that finds
 * another writer recorded first reconciles the whole folder with the ledger ({@link LakeFiles#reconcile}), under
 * the same lock, before it writes. No reconciliation runs while a batch of any replica is open, so none deletes a
 * file that batch writes.
 * <p>
 * Positions are the event log's: an event that fills a gap of the log is written at its own position (see
 * {@link io.sourced.query.log.eventlog.LogPositions#inferred}), which needs every event in log order through one
 * segment, and none left out: a failure stops the processor, which retries (see DataLakeConfiguration).
 * <p>
 * A replay deletes the lake and rebuilds it: the reset clears the ledger and its writer, so the first batch after it
 * deletes every file the ledger no longer holds before it writes.
 */
@Component
@ProcessingGroup(DataLakeProjector.PROCESSING_GROUP)
@ConditionalOnProperty(name = "sourced.lake.enabled", matchIfMissing = true)
class DataLakeProjector {

    static final String PROCESSING_GROUP = "data-lake";

    private static final Logger log = LoggerFactory.getLogger(DataLakeProjector.class);

    /** This processor instance, as the ledger's writer. */
    private final String instance = UUID.randomUUID().toString();

    private final LakeLedger ledger;
    private final LakeFiles files;
    private final SharedLakeFolder folder;
    private final TransactionOperations transactions;
    private final EventMapper mapper;
    private final ObjectMapper json;
    /** Files staged by this instance's batches whose fate is the ledger's to say: settled before the next batch. */
    private final Set<String> unsettled = ConcurrentHashMap.newKeySet();

    private final BatchScope<Batch> batch =
            BatchScope.of(this::begin, Batch::stage).afterCommit(Batch::publish).afterRollback(Batch::leaveStaged);

    @Autowired
    DataLakeProjector(
            LakeLedger ledger,
            LakeFiles files,
            SharedLakeFolder folder,
            PlatformTransactionManager transactions,
            EventMapper mapper,
            ObjectMapper json) {
        this(ledger, files, folder, new TransactionTemplate(transactions), mapper, json);
    }

    DataLakeProjector(
            LakeLedger ledger,
            LakeFiles files,
            SharedLakeFolder folder,
            TransactionOperations transactions,
            EventMapper mapper,
            ObjectMapper json) {
        this.ledger = ledger;
        this.files = files;
        this.folder = folder;
        this.transactions = transactions;
        this.mapper = mapper;
        this.json = json;
    }

    /**
     * Whether the processor may start on this replica: only where the folder is the lake's. Before it starts, what a
     * crash left staged is published, so it shows without waiting for an event.
     */
    boolean mayStart() {
        if (!folder.confirmed()) {
            return false;
        }
        try {
            transactions.executeWithoutResult(status -> {
                folder.verify(ledger.lock());
                reconcile();
            });
        } catch (RuntimeException e) {
            log.warn(
                    "Could not reconcile the data lake in {} as the processor starts; it does before it writes",
                    files.root(),
                    e);
        }
        return true;
    }

    @EventHandler
    void on(EventMessage<?> message, TrackingToken token) {
        // written at once, a file would not follow a transaction that the ledger could settle it by
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("The data lake is written in a processor's batch only");
        }
        batch.handle(events -> events.positions
                .place(message.getIdentifier(), token)
                .ifPresent(position -> events.add(mapper.toEvent(message, position))));
    }

    @ResetHandler
    void reset() {
        ledger.clear();
        unsettled.clear();
    }

    /**
     * At the batch's first event, in its transaction: locks the lake, checks the folder is the lake's, and makes the
     * folder agree with the ledger before writing.
     */
    private Batch begin() {
        LakeLedger.State state = ledger.lock();
        folder.verify(state);
        if (!state.writer().equals(Optional.of(instance))) {
            reconcile();
        } else if (!unsettled.isEmpty()) {
            Set<String> settling = Set.copyOf(unsettled);
            report("settled", files.settle(settling, ledger.recorded(settling)));
            unsettled.removeAll(settling);
        }
        return new Batch();
    }

    /** Under the lake's lock: the whole folder made to agree with the ledger, by this instance as its writer. */
    private void reconcile() {
        report("reconciled", files.reconcile(ledger.fileNames()));
        unsettled.clear();
        ledger.recordWriter(instance);
    }

    private void report(String what, LakeFiles.Reconciliation done) {
        if (!done.published().isEmpty() || !done.deleted().isEmpty()) {
            log.info(
                    "Data lake {} {}: published {} staged file(s) of committed batches, deleted {} not recorded",
                    files.root(),
                    what,
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
    }

    /**
     * The events of one processor batch, written as one file per day and type: staged before the batch commits,
     * published once it has, left staged for the ledger to settle when it has not.
     */
    private final class Batch {

        private final BatchPositions positions = ledger.positions();
        private final List<Event> events = new ArrayList<>();
        private final Set<String> staged = new LinkedHashSet<>();

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
                staged.add(file);
                files.stage(file, lines(ordered));
                ledger.recordFile(new LakeLedger.LakeFile(file, first, last, ordered.size()));
            });
        }

        void publish() {
            for (String file : staged) {
                try {
                    files.publish(file);
                } catch (RuntimeException e) {
                    log.warn("Could not publish data-lake file {}; published before the next batch", file, e);
                    unsettled.add(file);
                }
            }
        }

        /** Rolled back, or the commit's outcome unknown: the ledger, once the transaction has ended, says. */
        void leaveStaged() {
            if (!staged.isEmpty()) {
                log.info(
                        "A data-lake batch did not commit here (or its outcome is unknown); its {} staged file(s) are"
                                + " settled by the ledger before the next batch",
                        staged.size());
                unsettled.addAll(staged);
            }
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
