package io.sourced.bench;

import java.time.Duration;

/**
 * How far a replay got through the log and how long it took: done when it reached the head, otherwise stopped at
 * the time limit and measured by the events it processed.
 */
record Progress(long events, double seconds, boolean done) {

    /** Reads a replay's position. */
    interface Position {
        long read() throws Exception;
    }

    double eventsPerSecond() {
        return events / seconds;
    }

    /** Polls the position every 20 ms until it reaches the head or the limit passes (the time since started). */
    static Progress await(long head, Duration limit, long startedNanos, Position position) throws InterruptedException {
        return await(head, limit, startedNanos, Duration.ofMillis(20), position);
    }

    static Progress await(long head, Duration limit, long startedNanos, Duration pause, Position position)
            throws InterruptedException {
        long deadline = startedNanos + limit.toNanos();
        while (true) {
            long at;
            try {
                at = position.read();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the replay's position", e);
            }
            long now = System.nanoTime();
            if (at >= head || now >= deadline) {
                return new Progress(Math.min(at, head), (now - startedNanos) / 1e9, at >= head);
            }
            Thread.sleep(pause.toMillis());
        }
    }
}
