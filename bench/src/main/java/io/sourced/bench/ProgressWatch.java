package io.sourced.bench;

import java.time.Duration;

/**
 * Tells a run that stalled from one that is slow: stalled once its progress moved less than {@code least} over a
 * window of {@code window} (a heap full collects garbage for minutes between two small steps).
 */
final class ProgressWatch {

    private final long windowNanos;
    private final double least;
    private double progress;
    private double progressAtWindowStart;
    private long windowStart;
    private boolean started;

    ProgressWatch(Duration window, double least) {
        this.windowNanos = window.toNanos();
        this.least = least;
    }

    /** Notes the progress read at {@code now} (nanoTime); answers whether it has stalled. */
    boolean stalled(double progressNow, long now) {
        progress = progressNow;
        if (!started) {
            started = true;
            progressAtWindowStart = progressNow;
            windowStart = now;
            return false;
        }
        if (now - windowStart < windowNanos) {
            return false;
        }
        if (progressNow - progressAtWindowStart < least) {
            return true;
        }
        progressAtWindowStart = progressNow;
        windowStart = now;
        return false;
    }

    double progress() {
        return progress;
    }
}
