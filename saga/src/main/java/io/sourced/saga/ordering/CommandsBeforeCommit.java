package io.sourced.saga.ordering;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The commands a batch of saga steps sent, awaited all together just before the batch commits: they run at once
 * instead of one after the other (a step waiting for each command in turn cannot keep up with the orders placed),
 * and the batch still commits only when every one of them succeeded. A failure, or a command
 * not answered within {@link #LIMIT_SECONDS}, fails the batch, which the processor rolls back and retries, saga
 * state and all: every command the saga sends is idempotent.
 * <p>
 * The same per-batch pattern as the query side's {@code BatchScope}, kept here: the saga may know no module but the
 * api, which holds only messages and values, so that helper cannot be shared without a module of its own.
 */
final class CommandsBeforeCommit {

    static final long LIMIT_SECONDS = 60;
    private static final String RESOURCE = CommandsBeforeCommit.class.getName();

    private CommandsBeforeCommit() {}

    /** Outside a unit of work (none in production) the command is awaited at once. */
    static void await(CompletableFuture<?> result) {
        if (!CurrentUnitOfWork.isStarted()) {
            awaitAll(List.of(result));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<CompletableFuture<?>> pending = root.getOrComputeResource(RESOURCE, key -> {
            List<CompletableFuture<?>> results = new ArrayList<>();
            root.onPrepareCommit(unitOfWork -> awaitAll(results));
            return results;
        });
        pending.add(result);
    }

    private static void awaitAll(List<CompletableFuture<?>> results) {
        try {
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the workflow's commands ran", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("a workflow command had no answer within " + LIMIT_SECONDS + " s", e);
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
    }

    private static RuntimeException failure(Throwable cause) {
        Throwable unwrapped =
                cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
        if (unwrapped instanceof RuntimeException runtime) {
            return runtime;
        }
        if (unwrapped instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("a workflow command failed", unwrapped);
    }
}
