package io.sourced.query.operations;

import io.sourced.query.RebuildableView;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One view's part of a rebuild, on a thread of its own: the chunks of events the reader hands it, applied by the
 * view's projectors in a transaction a chunk, as a replay (handlers see {@code ReplayStatus.REPLAY}). The views of
 * one rebuild wait on the database at different moments, so they overlap.
 */
final class ViewWorker implements Runnable {

    private static final Object STOP = new Object();
    private static final long WAIT_MILLIS = 100;

    private final String group;
    private final List<AnnotationEventHandlerAdapter> handlers;
    private final TransactionTemplate transactions;
    private final AtomicReference<Throwable> failure;
    private final BlockingQueue<Object> inbox = new ArrayBlockingQueue<>(4);
    private final AtomicLong applied = new AtomicLong();
    private final Runnable analyze;
    private long chunks;

    /**
     * @param analyze gathers the planner's statistics of the view's tables, as they grow (after the 1st, 4th, 16th …
     *     chunk)
     */
    ViewWorker(
            RebuildableView view,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            Runnable analyze,
            AtomicReference<Throwable> failure) {
        this.group = view.group();
        this.analyze = analyze;
        this.handlers = view.projectors().apply(jdbc).stream()
                .map(AnnotationEventHandlerAdapter::new)
                .toList();
        this.transactions = transactions;
        this.failure = failure;
    }

    /** Hands the chunk over, waiting while the worker is behind; gives up when any worker failed. */
    void offer(List<TrackedEventMessage<?>> chunk) throws InterruptedException {
        put(chunk);
    }

    /** Waits until this worker applied every chunk handed over before. */
    void drain() throws InterruptedException {
        CountDownLatch drained = new CountDownLatch(1);
        put(drained);
        while (!drained.await(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            rethrowFailure();
        }
    }

    void stop() {
        inbox.clear();
        inbox.offer(STOP);
    }

    long applied() {
        return applied.get();
    }

    @Override
    public void run() {
        try {
            while (true) {
                Object next = inbox.take();
                if (next == STOP) {
                    return;
                }
                if (next instanceof CountDownLatch drained) {
                    drained.countDown();
                    continue;
                }
                @SuppressWarnings("unchecked")
                List<TrackedEventMessage<?>> chunk = (List<TrackedEventMessage<?>>) next;
                apply(chunk);
                applied.addAndGet(chunk.size());
                chunks++;
                if (Long.bitCount(chunks) == 1 && Long.numberOfTrailingZeros(chunks) % 2 == 0) {
                    analyze.run();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, new IllegalStateException(group + ": " + e.getMessage(), e));
        }
    }

    private void put(Object item) throws InterruptedException {
        while (!inbox.offer(item, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            rethrowFailure();
        }
    }

    private void rethrowFailure() {
        Throwable failed = failure.get();
        if (failed != null) {
            throw failed instanceof RuntimeException runtime ? runtime : new IllegalStateException(failed);
        }
    }

    private void apply(List<TrackedEventMessage<?>> chunk) {
        List<EventMessage<?>> replayed = chunk.stream()
                .<EventMessage<?>>map(
                        event -> event.withTrackingToken(new ReplayToken(event.trackingToken(), event.trackingToken())))
                .toList();
        transactions.executeWithoutResult(status -> {
            BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(replayed);
            ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
                EventMessage<?> event = unitOfWork.getMessage();
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    if (handler.canHandle(event)) {
                        handler.handle(event);
                    }
                }
                return null;
            });
            if (result.isExceptional()) {
                Throwable failed = result.exceptionResult();
                throw failed instanceof RuntimeException runtime ? runtime : new IllegalStateException(failed);
            }
        });
    }
}
