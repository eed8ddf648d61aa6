package io.sourced.query.operations;

import io.sourced.api.operations.RebuildProgress;
import io.sourced.query.RebuildableView;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rebuilds of views this replica runs, and the ones on record: each on a thread of its own, many processors
 * in one reading of the log when asked together.
 */
class ViewRebuilds implements AutoCloseable {

    private final ProcessingGroups groups;
    private final ShadowSchema shadow;
    private final RebuildLedger ledger;
    private final ViewRebuild.StreamSource events;
    private final ViewRebuild.Processors processors;
    private final TransactionTemplate liveTransactions;
    private final String replica;
    private final Clock clock;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "view-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    ViewRebuilds(
            ProcessingGroups groups,
            ShadowSchema shadow,
            RebuildLedger ledger,
            ViewRebuild.StreamSource events,
            ViewRebuild.Processors processors,
            TransactionTemplate liveTransactions,
            String replica,
            Clock clock) {
        this.groups = groups;
        this.shadow = shadow;
        this.ledger = ledger;
        this.events = events;
        this.processors = processors;
        this.liveTransactions = liveTransactions;
        this.replica = replica;
        this.clock = clock;
    }

    /** Whether the name is a processor of views kept in tables, or one of its groups. */
    boolean rebuildable(String name) {
        return rebuilt(name).isPresent();
    }

    /** Every processor whose views can be rebuilt, by name. */
    List<String> processors() {
        return List.copyOf(groups.viewsByProcessor().keySet());
    }

    /**
     * Starts rebuilding the views of these processors (a group names its processor, all of whose views are rebuilt)
     * in one reading of the log; false when one is under way already.
     */
    boolean start(Collection<String> names) {
        List<String> chosen = names.stream()
                .map(name -> rebuilt(name).orElseThrow(() -> new IllegalArgumentException(name)))
                .distinct()
                .sorted()
                .toList();
        List<RebuildableView> views = chosen.stream()
                .flatMap(processor -> groups.viewsByProcessor().get(processor).stream())
                .toList();
        String id = UUID.randomUUID().toString();
        if (!ledger.begin(id, chosen, replica)) {
            return false;
        }
        threads.execute(
                new ViewRebuild(id, chosen, views, shadow, ledger, events, processors, liveTransactions, clock));
        return true;
    }

    boolean cancel(String name) {
        return rebuilt(name).map(ledger::cancel).orElse(false);
    }

    Optional<RebuildProgress> progress(String name) {
        return rebuilt(name).flatMap(ledger::find);
    }

    /** The processor of views the name stands for. */
    private Optional<String> rebuilt(String name) {
        return groups.processorNamed(name).filter(groups.viewsByProcessor()::containsKey);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
