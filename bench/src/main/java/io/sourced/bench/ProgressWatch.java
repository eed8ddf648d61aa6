package io.sourced.bench;

import java.time.Duration;

/** Tells a run that stalled (its progress unchanged for a while) from one that is slow. */
final class ProgressWatch {

    private final long stallNanos;
    private double progress = -1;
    private long changedAt;

    ProgressWatch(Duration stall) {
        this.stallNanos = stall.toNanos();
    }

    /** Notes the progress read at {@code now} (nanoTime); answers whether it has not moved for the stall's time. */
    boolean stalled(double progressNow, long now) {
        if (progressNow != progress) {
            progress = progressNow;
            changedAt = now;
            return false;
        }
        return now - changedAt >= stallNanos;
    }

    double progress() {
        return progress;
    }
}
