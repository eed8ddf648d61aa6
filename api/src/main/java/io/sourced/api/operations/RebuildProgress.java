package io.sourced.api.operations;

import java.time.Instant;

/**
 * A rebuild of a processor's views beside the live ones, as operators see it: {@code RUNNING} while it reads the log,
 * {@code SWITCHING} while the rebuilt views take over at the head, then {@code DONE}, {@code FAILED},
 * {@code CANCELLED} or {@code ABANDONED} (the replica doing it stopped answering). {@code done} of {@code total}
 * events so far, the rate over the rebuild and the time it needs at that rate ({@code secondsLeft}, null before any
 * event). The live views answer throughout; they change over in one transaction.
 */
public record RebuildProgress(
        String state,
        long done,
        long total,
        double eventsPerSecond,
        Long secondsLeft,
        String replica,
        Instant startedAt,
        Instant updatedAt,
        String failure) {

    public boolean underWay() {
        return state.equals("RUNNING") || state.equals("SWITCHING");
    }
}
