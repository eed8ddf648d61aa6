package io.sourced.query.integration;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeats an attempt until it succeeds, waiting longer after each {@link ExternalSystemFailure} (doubling up to a
 * ceiling). It blocks the calling event processor on purpose: the event waits for the outside system instead of
 * being skipped or answered with a guess. Any other exception ends the attempts and propagates.
 */
final class Backoff {

    private static final Logger log = LoggerFactory.getLogger(Backoff.class);

    private final Duration first;
    private final Duration max;
    private final Sleeper sleeper;

    Backoff(Duration first, Duration max, Sleeper sleeper) {
        this.first = first;
        this.max = max;
        this.sleeper = sleeper;
    }

    <T> T untilDone(String what, Supplier<T> attempt) {
        Duration wait = first;
        for (int attempts = 1; ; attempts++) {
            try {
                return attempt.get();
            } catch (ExternalSystemFailure failure) {
                log.warn(
                        "{} failed (attempt {}): {}; next attempt in {} ms",
                        what,
                        attempts,
                        failure.getMessage(),
                        wait.toMillis());
                pause(what, wait);
                wait = wait.multipliedBy(2).compareTo(max) > 0 ? max : wait.multipliedBy(2);
            }
        }
    }

    private void pause(String what, Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry: " + what, e);
        }
    }
}
