package io.sourced.query.log.eventlog;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * Whether the feed may serve the next event of the log. With concurrent writers a transaction holding a lower
 * position can commit after a higher one is already visible, so a missing position between the last one served
 * and the next event may still fill: the page stops before that event and the client asks again. A gap older
 * than the timeout belongs to a rolled-back transaction and is stepped over.
 */
final class GapRule {

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
     * @param previous  the position last served (the client's {@code after} at the start of a page)
     * @param position  the next event's position
     * @param gaps      the positions the event store knows to be missing below {@code position}
     * @param eventTime when the next event was recorded
     */
    static Verdict judge(
            long previous, long position, Collection<Long> gaps, Instant eventTime, Instant now, Duration gapTimeout) {
        if (position <= previous) {
            return Verdict.SKIP;
        }
        boolean gapBefore = gaps.stream().anyMatch(gap -> gap > previous && gap < position);
        boolean young = eventTime.isAfter(now.minus(gapTimeout));
        return gapBefore && young ? Verdict.STOP : Verdict.SERVE;
    }
}
