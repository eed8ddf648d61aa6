package io.sourced.saga.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

/** The commands of a batch of saga steps, as the saga sends them (through its {@code SENT_COMMANDS} scope). */
class SentCommandsTest {

    @Test
    void commandsOfABatch_runAtOnce_andTheBatchCommitsOnceAllSucceeded() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        CompletableFuture<Object> first = new CompletableFuture<>();
        CompletableFuture<Object> second = new CompletableFuture<>();
        send(first);
        send(second);
        AtomicBoolean committed = new AtomicBoolean();
        batch.afterCommit(unitOfWork -> committed.set(true));
        assertThat(committed).as("nothing awaited before the commit").isFalse();

        var answers = Executors.newSingleThreadScheduledExecutor();
        answers.schedule(() -> first.complete("reserved"), 50, TimeUnit.MILLISECONDS);
        answers.schedule(() -> second.complete("paid"), 100, TimeUnit.MILLISECONDS);
        batch.commit();
        answers.shutdown();

        assertThat(committed).isTrue();
        assertThat(first).isDone();
        assertThat(second).isDone();
    }

    @Test
    void aFailedCommand_rollsTheBatchBack_withItsCause() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        AtomicBoolean rolledBack = new AtomicBoolean();
        batch.onRollback(unitOfWork -> rolledBack.set(true));
        send(CompletableFuture.completedFuture("reserved"));
        send(CompletableFuture.failedFuture(new IllegalStateException("store away")));

        assertThatThrownBy(batch::commit)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("store away");
        assertThat(rolledBack).isTrue();
    }

    @Test
    void aNestedStep_isAwaitedByTheOutermostBatch() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        UnitOfWork<?> step = DefaultUnitOfWork.startAndGet(null);
        CompletableFuture<Object> command = new CompletableFuture<>();
        send(command);
        step.commit();
        assertThat(command).as("the nested step commits without waiting").isNotDone();

        command.completeExceptionally(new IllegalStateException("conflict outlived the retries"));
        assertThatThrownBy(batch::commit).hasMessage("conflict outlived the retries");
    }

    @Test
    void withoutAUnitOfWork_theCommandIsAwaitedAtOnce() {
        assertThatThrownBy(() -> send(CompletableFuture.failedFuture(new IllegalStateException("refused"))))
                .hasMessage("refused");
    }

    private static void send(CompletableFuture<?> result) {
        OrderFulfilmentSaga.SENT_COMMANDS.handle(sent -> sent.add(result));
    }
}
