package io.sourced.query.operations;

import io.sourced.api.operations.RebuildProgress;
import io.sourced.query.RebuildableView;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rebuilds of views this replica runs, and the ones on record: each on a thread of its own, many processors
 * in one reading of the log when asked together.
 */
class ViewRebuilds implements AutoCloseable {

    private final Map<String, RebuildableView> views;
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
            List<RebuildableView> views,
            ShadowSchema shadow,
            RebuildLedger ledger,
            ViewRebuild.StreamSource events,
            ViewRebuild.Processors processors,
            TransactionTemplate liveTransactions,
            String replica,
            Clock clock) {
        this.views = views.stream().collect(Collectors.toMap(RebuildableView::processor, Function.identity()));
        this.shadow = shadow;
        this.ledger = ledger;
        this.events = events;
        this.processors = processors;
        this.liveTransactions = liveTransactions;
        this.replica = replica;
        this.clock = clock;
    }

    boolean rebuildable(String processor) {
        return views.containsKey(processor);
    }

    /** Every processor whose views can be rebuilt, by name. */
    List<String> processors() {
        return views.keySet().stream().sorted().toList();
    }

    /** Starts rebuilding these processors' views in one reading of the log; false when one is under way already. */
    boolean start(Collection<String> processors) {
        List<RebuildableView> chosen =
                processors.stream().distinct().sorted().map(views::get).toList();
        String id = UUID.randomUUID().toString();
        if (!ledger.begin(id, chosen.stream().map(RebuildableView::processor).toList(), replica)) {
            return false;
        }
        threads.execute(new ViewRebuild(id, chosen, shadow, ledger, events, this.processors, liveTransactions, clock));
        return true;
    }

    boolean cancel(String processor) {
        return ledger.cancel(processor);
    }

    Optional<RebuildProgress> progress(String processor) {
        return ledger.find(processor);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
