package io.sourced.query;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * What a projector gathers over one batch of its processor (one unit of work and transaction), written just before
 * the batch commits: one JDBC batch per statement instead of a round trip per event, which would otherwise be what a
 * replay waits on. The write runs in the batch's transaction, with its token: both commit, or neither. Outside a unit of work (a handler called on its own) each event's work is written at once.
 */
public final class BatchScope {

    private BatchScope() {}

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
    public static <T> List<T> payloads(Class<T> type) {
        return payloads().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * @param owner        whose batch state this is (one per projector instance)
     * @param start        makes the state at the batch's first event
     * @param beforeCommit writes the state, once, just before the batch commits
     * @param work         this event's part
     */
    public static <T> void within(Object owner, Supplier<T> start, Consumer<T> beforeCommit, Consumer<T> work) {
        if (!CurrentUnitOfWork.isStarted()) {
            T state = start.get();
            work.accept(state);
            beforeCommit.accept(state);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        String key =
                BatchScope.class.getName() + "@" + owner.getClass().getName() + "@" + System.identityHashCode(owner);
        T state = batch.getOrComputeResource(key, ignored -> {
            T started = start.get();
            batch.onPrepareCommit(unitOfWork -> beforeCommit.accept(started));
            return started;
        });
        work.accept(state);
    }
}
