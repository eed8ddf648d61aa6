package io.sourced.query.log.lake;

import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Whether this replica's {@code sourced.lake.folder} is the folder that every replica on its database shares. The
 * folder carries a marker ({@link LakeLayout#MARKER}) holding an id, and the database records the id of the lake's
 * folder ({@code lake_folder.folder_id}): the first replica to check marks its folder (or takes the marker it finds
 * in a folder without a lake) and records the id; a replica whose folder holds another marker, or none, writes
 * nothing there. Decided under the lake's lock, so two replicas starting at once on one folder agree.
 */
class SharedLakeFolder {

    private static final Logger log = LoggerFactory.getLogger(SharedLakeFolder.class);

    private final LakeFiles files;
    private final LakeLedger ledger;
    private final TransactionOperations transactions;
    /** Decided at the first check that could decide; null until then. */
    private volatile Boolean confirmed;
    /** The id this process wrote into the marker, should recording it have failed: taken as its own next time. */
    private volatile String markedHere;

    SharedLakeFolder(LakeFiles files, LakeLedger ledger, TransactionOperations transactions) {
        this.files = files;
        this.ledger = ledger;
        this.transactions = transactions;
    }

    /**
     * Whether the data-lake processor may run on this replica, checked once in a transaction of its own. A folder that
     * is not the lake's is said once, with what to set. A check that fails (the database away) answers yes: every
     * batch checks again ({@link #verify}) before it writes.
     */
    boolean confirmed() {
        Boolean decided = confirmed;
        if (decided != null) {
            return decided;
        }
        synchronized (this) {
            if (confirmed == null) {
                try {
                    Optional<String> refusal = transactions.execute(status -> judge(ledger.lock()));
                    confirmed = refusal.isEmpty();
                    refusal.ifPresent(why -> log.warn(
                            "The data-lake processor does not run on this replica: {}. Set sourced.lake.folder to"
                                    + " the folder every replica on this database shares (one volume mounted on"
                                    + " each), or sourced.lake.enabled=false on this replica; the rest of the"
                                    + " application runs",
                            why));
                } catch (RuntimeException e) {
                    log.warn(
                            "Could not check the data lake's folder {}; each batch checks it before writing",
                            files.root(),
                            e);
                    return true;
                }
            }
            return confirmed;
        }
    }

    /**
     * Within a batch's transaction, which has locked the lake's {@code state}: refuses (throws) unless this folder is
     * the lake's, recording it when the database knows none yet.
     */
    void verify(LakeLedger.State state) {
        judge(state).ifPresent(why -> {
            throw new IllegalStateException("The data lake is not written here: " + why);
        });
    }

    /** Empty when this folder is the lake's (recorded now if the database knew none), else why not. */
    private Optional<String> judge(LakeLedger.State state) {
        Optional<String> marker = files.marker();
        if (state.folderId().isPresent()) {
            String lake = state.folderId().get();
            if (marker.equals(state.folderId())) {
                return Optional.empty();
            }
            return Optional.of("its folder " + files.root() + " (sourced.lake.folder) "
                    + marker.map(other -> "is marked " + other).orElse("has no marker " + LakeLayout.MARKER)
                    + ", while this database's lake is in the folder whose " + LakeLayout.MARKER + " holds " + lake);
        }
        if (marker.isPresent()
                && !marker.get().equals(markedHere)
                && !files.published().isEmpty()) {
            return Optional.of("its folder " + files.root() + " (sourced.lake.folder) holds a lake that this database"
                    + " did not write (marked " + marker.get() + "); empty that folder, or choose another, to start"
                    + " this database's lake there");
        }
        String id = marker.orElseGet(() -> {
            String fresh = UUID.randomUUID().toString();
            files.mark(fresh);
            markedHere = fresh;
            return fresh;
        });
        ledger.recordFolder(id);
        log.info("Data lake: {} is this database's lake folder from now on (marked {})", files.root(), id);
        return Optional.empty();
    }
}
