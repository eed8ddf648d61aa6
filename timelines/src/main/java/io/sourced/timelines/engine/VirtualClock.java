package io.sourced.timelines.engine;

import java.time.Instant;

/** The sandbox's time: the log's time of the step being run, moved forward only. */
final class VirtualClock {

    private Instant now;

    VirtualClock(Instant start) {
        this.now = start;
    }

    Instant now() {
        return now;
    }

    void advanceTo(Instant instant) {
        if (instant.isAfter(now)) {
            now = instant;
        }
    }
}
