package io.sourced.query.log.eventlog;

import java.time.Duration;
import java.util.function.LongFunction;

/**
 * Whether the feed may serve the next event of the log. With concurrent writers a transaction holding a lower
 * position can commit after a higher one is already visible, so a missing position between the last one served
 * and the next event may still fill: the page stops before that event and the client asks again. Once the database
 * recorded that event (its transaction began, on the database's clock) longer than the timeout ago, the missing
 * position, taken before that event was inserted, is taken for a rolled-back transaction's and stepped over: appends
 * are short, and one that commits later still is missed by the readers past it (docs/architecture.md).
 * <p>
 * The missing positions are found from the positions alone: the event store's own gaps are not used, as it drops
 * those before an event whose writer stamped it more than a minute before the reader's clock.
 */
final class GapRule {

    /** The event store's first position (its identity column's first value). */
    static final long FIRST_POSITION = 1;

    enum Verdict {
        /** Serve the event. */
        SERVE,
        /** Already served, or filled a gap the feed has given up on: leave it out and go on. */
        SKIP,
        /** A younger gap lies before the event: end the page here. */
        STOP
    }

    private GapRule() {}

    /**
     * @param previous the position last served (the client's {@code after} at the start of a page), every event
     *                 visible between it and {@code position} having been read in between
     * @param position the next event's position
     * @param age      how long ago the database recorded the event at a position; asked only behind a gap
     */
    static Verdict judge(long previous, long position, LongFunction<Duration> age, Duration gapTimeout) {
        if (position <= previous) {
            return Verdict.SKIP;
        }
        boolean gapBefore = position > Math.max(previous + 1, FIRST_POSITION);
        return gapBefore && age.apply(position).compareTo(gapTimeout) < 0 ? Verdict.STOP : Verdict.SERVE;
    }
}
