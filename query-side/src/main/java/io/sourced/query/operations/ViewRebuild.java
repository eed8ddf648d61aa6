package io.sourced.query.operations;

import io.sourced.query.RebuildableView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One rebuild of some processors' views: the log read once from its first event, here, and handed in chunks of
 * {@link #CHUNK} events to one {@link ViewWorker} a view (a processing group), whose projectors, made anew on the shadow schema, apply
 * them.
 * The live views keep answering and keep following the log. At the head the processors stop everywhere for a moment,
 * the rebuild reads what came meanwhile, and one transaction puts its tables in the live ones' place and moves the
 * processors' tokens to where it stopped.
 *
 * <p>The rebuild never reads past the live processors: what it replays must have been handled live first, because a
 * replay answers outside systems' questions (the CRM's tiers) from the journal the live handling wrote. Under load the
 * live processors lag the head by their linger, so the switch reads to where they stopped, not to the head; they
 * carry on from there on the new tables.
 */
final class ViewRebuild implements Runnable {

    static final int CHUNK = 1000;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(ViewRebuild.class);

    /** What the rebuild needs of the processors it replaces: stop them everywhere, and place their tokens. */
    interface Processors {

        /** Stops the processors here and asks every replica to; false when their segments were not released. */
        boolean stopEverywhere(List<String> processors);

        /** Starts them again here and lets the other replicas start them. */
        void startEverywhere(List<String> processors);

        /** Moves every segment's token of the processors to {@code position}, in the caller's transaction. */
        void placeTokens(List<String> processors, TrackingToken position);

        /**
         * The lowest position any segment of the processors stored (each event up to it handled and committed by the
         * live processors); {@link Long#MAX_VALUE} while they have no token yet.
         */
        long reached(List<String> processors);
    }

    /** The log from a position (null: its first event), and where it ends now. */
    interface StreamSource {
        BlockingStream<TrackedEventMessage<?>> from(TrackingToken position);

        long head();
    }

    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    private final String id;
    private final List<RebuildableView> views;
    private final List<String> processors;
    private final List<String> tables;
    private final ShadowSchema shadow;
    private final RebuildLedger ledger;
    private final StreamSource events;
    private final Processors live;
    private final TransactionTemplate liveTransactions;
    private final Clock clock;

    private final Instant started;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private List<ViewWorker> workers = List.of();
    private TrackingToken position;
    private long read;
    private long reachedLive = -1;
    private Instant reported = Instant.MIN;

    /**
     * @param processors the event processors whose views these are, every one of their views among {@code views}
     *     (they share a token, moved at the switch)
     */
    ViewRebuild(
            String id,
            List<String> processors,
            List<RebuildableView> views,
            ShadowSchema shadow,
            RebuildLedger ledger,
            StreamSource events,
            Processors live,
            TransactionTemplate liveTransactions,
            Clock clock) {
        this.id = id;
        this.views = List.copyOf(views);
        this.processors = List.copyOf(processors);
        this.tables = views.stream().flatMap(view -> view.tables().stream()).toList();
        this.shadow = shadow;
        this.ledger = ledger;
        this.events = events;
        this.live = live;
        this.liveTransactions = liveTransactions;
        this.clock = clock;
        this.started = clock.instant();
    }

    @Override
    public void run() {
        ExecutorService threads = Executors.newFixedThreadPool(views.size(), task -> {
            Thread thread = new Thread(task, "view-rebuild-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            shadow.empty(tables);
            shadow.readyForLoad(tables);
            TransactionTemplate transactions = shadow.transactions();
            workers = views.stream()
                    .map(view -> new ViewWorker(
                            view, shadow.jdbc(), transactions, () -> shadow.analyze(view.tables()), failure))
                    .toList();
            workers.forEach(threads::execute);
            try (BlockingStream<TrackedEventMessage<?>> stream = events.from(null)) {
                readToHead(stream, "RUNNING");
                shadow.readyToGoLive(tables);
                switchOver(stream);
            }
            ledger.ended(id, "DONE", null);
            log.info("Rebuilt {} from {} events", processors, done());
        } catch (Cancelled e) {
            ledger.ended(id, "CANCELLED", null);
            log.info("Rebuild of {} cancelled after {} events; the live views stay", processors, done());
        } catch (RuntimeException | Error e) {
            ledger.ended(id, "FAILED", String.valueOf(e.getMessage()));
            log.error("Rebuild of {} failed after {} events; the live views stay", processors, done(), e);
        } finally {
            workers.forEach(ViewWorker::stop);
            threads.shutdownNow();
            emptyQuietly();
        }
    }

    private void switchOver(BlockingStream<TrackedEventMessage<?>> stream) {
        for (int attempt = 1; ; attempt++) {
            try {
                if (live.stopEverywhere(processors)) {
                    readToHead(stream, "SWITCHING");
                    liveTransactions.executeWithoutResult(status -> {
                        shadow.swap(tables);
                        if (position != null) {
                            live.placeTokens(processors, position);
                        }
                    });
                    shadow.continueIdentities(tables);
                    return;
                }
            } finally {
                live.startEverywhere(processors);
            }
            if (attempt == 5) {
                throw new IllegalStateException("Other replicas did not release the segments of " + processors);
            }
            readToHead(stream, "RUNNING");
        }
    }

    /**
     * Hands every event available now to the workers, a chunk at a time (each payload read once, here), and waits
     * until they applied them all; reports progress about every second.
     */
    private void readToHead(BlockingStream<TrackedEventMessage<?>> stream, String state) {
        report(state, true);
        try {
            List<TrackedEventMessage<?>> chunk = new ArrayList<>(CHUNK);
            while (true) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new Cancelled();
                }
                while (chunk.size() < CHUNK && stream.hasNextAvailable() && handledLive(stream.peek())) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    event.getPayload();
                    chunk.add(event);
                }
                if (chunk.isEmpty()) {
                    for (ViewWorker worker : workers) {
                        worker.drain();
                    }
                    report(state, true);
                    return;
                }
                List<TrackedEventMessage<?>> handed = List.copyOf(chunk);
                for (ViewWorker worker : workers) {
                    worker.offer(handed);
                }
                position = handed.get(handed.size() - 1).trackingToken();
                read += handed.size();
                chunk.clear();
                report(state, false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancelled();
        }
    }

    /** Whether the live processors handled the next event already; asks them again only when it is past the last answer. */
    private boolean handledLive(Optional<TrackedEventMessage<?>> next) {
        if (next.isEmpty()) {
            return false;
        }
        long at = positionOf(next.get().trackingToken());
        if (at > reachedLive) {
            reachedLive = live.reached(processors);
        }
        return at <= reachedLive;
    }

    private long done() {
        return workers.stream().mapToLong(ViewWorker::applied).min().orElse(0);
    }

    private void report(String state, boolean now) {
        Instant at = clock.instant();
        if (!now && at.isBefore(reported.plus(PROGRESS_EVERY))) {
            return;
        }
        reported = at;
        long left = Math.max(0, events.head() - positionOf(position));
        double seconds = Math.max(0.001, Duration.between(started, at).toMillis() / 1000.0);
        long done = done();
        if (ledger.progressed(id, state, done, read + left, done / seconds)) {
            throw new Cancelled();
        }
    }

    private static long positionOf(TrackingToken token) {
        if (token == null) {
            return -1;
        }
        OptionalLong position = token.position();
        return position.isPresent() ? position.getAsLong() : -1;
    }

    private void emptyQuietly() {
        try {
            shadow.empty(tables);
        } catch (RuntimeException e) {
            log.warn("Could not empty the rebuild's tables of {}: {}", processors, e.getMessage());
        }
    }
}
