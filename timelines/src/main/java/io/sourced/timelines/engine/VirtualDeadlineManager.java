package io.sourced.timelines.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.UUID;
import org.axonframework.deadline.AbstractDeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Deadlines on the sandbox's {@link VirtualClock}, for every scope (aggregates and sagas): scheduled at the virtual
 * time plus their delay, fired in the order they fall due when the clock passes them, never by a timer.
 */
final class VirtualDeadlineManager extends AbstractDeadlineManager {

    private record Scheduled(Instant at, long order, String name, String id, Object payload, ScopeDescriptor scope) {}

    private final VirtualClock clock;
    private final ScopeAwareProvider scopes;
    private final PriorityQueue<Scheduled> pending =
            new PriorityQueue<>(Comparator.comparing(Scheduled::at).thenComparingLong(Scheduled::order));
    private long scheduled;

    VirtualDeadlineManager(VirtualClock clock, ScopeAwareProvider scopes) {
        this.clock = clock;
        this.scopes = scopes;
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object payload, ScopeDescriptor scope) {
        String id = UUID.randomUUID().toString();
        runOnPrepareCommitOrNow(
                () -> pending.add(new Scheduled(triggerDateTime, scheduled++, deadlineName, id, payload, scope)));
        return id;
    }

    @Override
    public String schedule(Duration triggerDuration, String deadlineName, Object payload, ScopeDescriptor scope) {
        return schedule(clock.now().plus(triggerDuration), deadlineName, payload, scope);
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        runOnPrepareCommitOrNow(() -> pending.removeIf(deadline ->
                deadline.name().equals(deadlineName) && deadline.id().equals(scheduleId)));
    }

    @Override
    public void cancelAll(String deadlineName) {
        runOnPrepareCommitOrNow(
                () -> pending.removeIf(deadline -> deadline.name().equals(deadlineName)));
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        runOnPrepareCommitOrNow(() -> pending.removeIf(deadline ->
                deadline.name().equals(deadlineName) && deadline.scope().equals(scope)));
    }

    /**
     * Fires, one at a time and in order, every deadline due at or before {@code until}, the clock set to each one's
     * time; {@code afterEach} runs what the deadline caused before the next one fires.
     */
    void fireUntil(Instant until, Runnable afterEach) {
        while (!pending.isEmpty() && !pending.peek().at().isAfter(until)) {
            Scheduled due = pending.poll();
            clock.advanceTo(due.at());
            fire(due);
            afterEach.run();
        }
    }

    private void fire(Scheduled due) {
        DeadlineMessage<?> message = processDispatchInterceptors(
                GenericDeadlineMessage.asDeadlineMessage(due.name(), due.payload(), due.at()));
        UnitOfWork<DeadlineMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(message);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(
                        unitOfWork, handlerInterceptors(), deadline -> {
                            deliver(deadline, due.scope());
                            return null;
                        })
                .proceed());
        if (result.isExceptional()) {
            throw new IllegalStateException(
                    "deadline " + due.name() + " failed in the sandbox", result.exceptionResult());
        }
    }

    private void deliver(DeadlineMessage<?> deadline, ScopeDescriptor scope) {
        scopes.provideScopeAwareStream(scope)
                .filter(component -> component.canResolve(scope))
                .forEach(component -> {
                    try {
                        component.send(deadline, scope);
                    } catch (Exception e) {
                        throw new IllegalStateException("deadline " + deadline.getDeadlineName() + " not delivered", e);
                    }
                });
    }
}
