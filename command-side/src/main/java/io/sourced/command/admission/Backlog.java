package io.sourced.command.admission;

import java.time.Duration;

/**
 * The workflow's backlog at one moment.
 *
 * @param pendingOrders    orders placed and not yet decided
 * @param decidedPerSecond orders decided a second, lately
 * @param oldestPending    how long the oldest pending order has waited
 * @param expectedWait     how long an order placed now would wait for its decision
 */
record Backlog(int pendingOrders, double decidedPerSecond, Duration oldestPending, Duration expectedWait) {

    static final Backlog NONE = new Backlog(0, 0, Duration.ZERO, Duration.ZERO);

    /**
     * Whether an order placed now would wait longer than {@code limit}. The oldest pending order must have waited a
     * quarter of it too: a burst after a quiet spell looks long by the recent rate, but is decided at once.
     */
    boolean exceeds(Duration limit) {
        return expectedWait.compareTo(limit) > 0 && oldestPending.compareTo(limit.dividedBy(4)) > 0;
    }

    /** When the work over {@code limit} should be done: whole seconds, at least one, at most the limit's. */
    long secondsOver(Duration limit) {
        long over = ceilSeconds(expectedWait.minus(limit));
        long most = Math.max(1, ceilSeconds(limit));
        return Math.min(Math.max(over, 1), most);
    }

    private static long ceilSeconds(Duration duration) {
        return (long) Math.ceil(duration.toMillis() / 1000.0);
    }
}
