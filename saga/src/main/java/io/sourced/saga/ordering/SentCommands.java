package io.sourced.saga.ordering;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The commands a batch of saga steps sent: the state the saga's {@code BatchScope} gathers, awaited all together just
 * before the batch commits. They run at once instead of one after the other (a step waiting for each command in turn
 * cannot keep up with the orders placed), and the batch still commits only when every one of them succeeded. A
 * failure, or a command not answered within {@link #LIMIT_SECONDS}, fails the batch, which the processor rolls back
 * and retries, saga state and all: every command the saga sends is idempotent.
 */
final class SentCommands {

    static final long LIMIT_SECONDS = 60;

    private final List<CompletableFuture<?>> results = new ArrayList<>();

    void add(CompletableFuture<?> result) {
        results.add(result);
    }

    /** Waits for every command sent; a failure is thrown with its own cause. */
    void awaitAll() {
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
