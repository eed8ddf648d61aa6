package io.sourced.batching;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * What a processor's handlers gather over one batch (one unit of work and transaction), settled just before the
 * batch commits. A projector gathers its rows and writes them with one JDBC batch per statement instead of a round
 * trip per event, which would otherwise be what a replay waits on; the saga gathers the commands its steps sent and
 * awaits them together. The settling runs in the batch's transaction, with its token: if it fails, the batch rolls
 * back. What must wait for the outcome (files published, or left for the next batch to settle) goes in the
 * after-commit and after-rollback hooks. Outside a unit of work (a handler called on its own) each event's state is
 * made, settled and followed by its hook at once.
 * <p>
 * A handler keeps one scope per batch state it gathers, in a field (a static one where the handler's instances are
 * many, as a saga's: their batch then shares one state): the state belongs to that scope in each batch.
 *
 * @param <T> the batch's state
 */
public final class BatchScope<T> {

    private static final AtomicLong SCOPES = new AtomicLong();
    private static final Consumer<Object> NOTHING = state -> {};

    private final String key = BatchScope.class.getName() + "#" + SCOPES.incrementAndGet();
    private final Supplier<T> start;
    private final Consumer<T> write;
    private final Consumer<? super T> afterCommit;
    private final Consumer<? super T> afterRollback;

    private BatchScope(
            Supplier<T> start, Consumer<T> write, Consumer<? super T> afterCommit, Consumer<? super T> afterRollback) {
        this.start = start;
        this.write = write;
        this.afterCommit = afterCommit;
        this.afterRollback = afterRollback;
    }

    /**
     * @param start makes the state at the batch's first event
     * @param write writes (settles) the state, once, just before the batch commits
     */
    public static <T> BatchScope<T> of(Supplier<T> start, Consumer<T> write) {
        return new BatchScope<>(start, write, NOTHING, NOTHING);
    }

    /** This scope, with {@code hook} called once the batch has committed. */
    public BatchScope<T> afterCommit(Consumer<? super T> hook) {
        return new BatchScope<>(start, write, hook, afterRollback);
    }

    /** This scope, with {@code hook} called once the batch has rolled back (or its commit failed). */
    public BatchScope<T> afterRollback(Consumer<? super T> hook) {
        return new BatchScope<>(start, write, afterCommit, hook);
    }

    /** Adds this event's part to the batch's state, made at its first event. */
    public void handle(Consumer<? super T> work) {
        if (!CurrentUnitOfWork.isStarted()) {
            handleAtOnce(work);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        T state = batch.getOrComputeResource(key, ignored -> {
            T started = start.get();
            batch.onPrepareCommit(unitOfWork -> write.accept(started));
            batch.afterCommit(unitOfWork -> afterCommit.accept(started));
            batch.onRollback(unitOfWork -> afterRollback.accept(started));
            return started;
        });
        work.accept(state);
    }

    private void handleAtOnce(Consumer<? super T> work) {
        T state = start.get();
        try {
            work.accept(state);
            write.accept(state);
        } catch (RuntimeException | Error e) {
            afterRollback.accept(state);
            throw e;
        }
        afterCommit.accept(state);
    }

    /**
     * The payloads of the events of the batch being handled, for a projector to read at once the rows the batch will
     * need instead of one round trip each; empty outside a processor's batch (the rows are then read as needed).
     */
    public static List<Object> payloads() {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch) {
            return batch.getMessages().stream().<Object>map(Message::getPayload).toList();
        }
        return List.of();
    }

    /** The batch's payloads of one type. */
    public static <P> List<P> payloads(Class<P> type) {
        return payloads().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
