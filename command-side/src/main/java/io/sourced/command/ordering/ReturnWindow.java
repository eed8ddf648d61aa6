package io.sourced.command.ordering;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * How long after its acceptance an order's units may be returned, and what time it is now: the live clock, or a
 * what-if timeline's virtual one. A command handler parameter of the order, so that a sandbox gives it its own clock.
 */
public final class ReturnWindow {

    private final Duration length;
    private final Supplier<Instant> now;

    public ReturnWindow(Duration length, Supplier<Instant> now) {
        this.length = length;
        this.now = now;
    }

    /** The moment the window of an order accepted at {@code acceptedAt} closes. */
    Instant closesAt(Instant acceptedAt) {
        return acceptedAt.plus(length);
    }

    boolean isOpen(Instant acceptedAt) {
        return !now.get().isAfter(closesAt(acceptedAt));
    }
}
