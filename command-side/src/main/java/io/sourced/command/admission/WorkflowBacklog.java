package io.sourced.command.admission;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The orders the workflow has in hand, told from the log: placed and not yet accepted, rejected or cancelled, and
 * how fast it decides them. Fed by one thread, in log order.
 */
final class WorkflowBacklog {

    /** Decisions counted for the rate: long enough to smooth batches, short enough to follow a change of load. */
    static final Duration RATE_WINDOW = Duration.ofSeconds(5);
    /**
     * The best rate seen this recently stands for what the workflow can do: right after a quiet spell the recent
     * rate says only how little was asked of it.
     */
    static final Duration CAPACITY_MEMORY = Duration.ofMinutes(10);
    /** A pending order this old is taken as decided by an event this backlog never saw. */
    static final Duration FORGET_AFTER = Duration.ofMinutes(2);

    private final Map<String, Instant> pending = new LinkedHashMap<>();
    private final ArrayDeque<Instant> decisions = new ArrayDeque<>();
    private double bestRate;
    private Instant bestRateAt = Instant.MIN;

    void placed(String orderId, Instant at) {
        pending.putIfAbsent(orderId, at);
    }

    void decided(String orderId, Instant at) {
        pending.remove(orderId);
        decisions.addLast(at);
    }

    Backlog at(Instant now) {
        Instant windowStart = now.minus(RATE_WINDOW);
        while (!decisions.isEmpty() && decisions.peekFirst().isBefore(windowStart)) {
            decisions.removeFirst();
        }
        Instant forgetBefore = now.minus(FORGET_AFTER);
        Iterator<Instant> oldest = pending.values().iterator();
        while (oldest.hasNext() && oldest.next().isBefore(forgetBefore)) {
            oldest.remove();
        }
        double rate = decisions.size() / seconds(RATE_WINDOW);
        if (rate >= bestRate || bestRateAt.isBefore(now.minus(CAPACITY_MEMORY))) {
            bestRate = rate;
            bestRateAt = now;
        }
        Duration oldestAge = pending.isEmpty()
                ? Duration.ZERO
                : maxZero(Duration.between(pending.values().iterator().next(), now));
        return new Backlog(pending.size(), rate, oldestAge, expectedWait(oldestAge));
    }

    /**
     * How long an order placed now would wait for its decision: the orders ahead of it over the rate the workflow
     * decides at. With nothing decided lately, at least as long as the oldest has waited already.
     */
    private Duration expectedWait(Duration oldestAge) {
        if (pending.isEmpty()) {
            return Duration.ZERO;
        }
        if (bestRate == 0) {
            return oldestAge;
        }
        return Duration.ofMillis(Math.round(pending.size() / bestRate * 1000));
    }

    private static Duration maxZero(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
