package io.sourced.query.integration;

import java.time.Duration;

/** Waits between attempts; tests give one that only records the waits. */
@FunctionalInterface
interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper real() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
