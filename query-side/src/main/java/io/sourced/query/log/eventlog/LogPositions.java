package io.sourced.query.log.eventlog;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.LongPredicate;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

/**
 * The global log position of an event, from its tracking token. A {@link GapAwareTrackingToken}'s
 * {@code position()} is the highest position seen, which is the event's own position, except for an event that
 * fills a gap (a transaction that committed after a later one was read): its token keeps the index of the later
 * event and loses the filled gap. These functions recover the filled position.
 */
public final class LogPositions {

    /** How far below the highest position a gap can be (Axon's JDBC storage engine's default maxGapOffset). */
    static final int MAX_GAP_OFFSET = 10_000;

    private LogPositions() {}

    /** The event's position when the token read just before it, in the same stream, is known ({@code null}: none). */
    static long of(TrackingToken previous, TrackingToken current) {
        GapAwareTrackingToken before = gapAware(previous);
        GapAwareTrackingToken now = gapAware(current);
        if (before != null && now != null && now.getIndex() <= before.getIndex()) {
            SortedSet<Long> filled = new TreeSet<>(before.getGaps());
            filled.removeAll(now.getGaps());
            if (!filled.isEmpty()) {
                return filled.last();
            }
        }
        return positionOf(current);
    }

    /**
     * The event's position for a processor whose every earlier event was recorded at its position: a token index
     * above the highest recorded one is the event's own position; otherwise the event filled a gap of the
     * previous token. Gaps leave a token only when filled or dropped from the bottom (timed out, truncated), so
     * the filled one is the highest position below the highest recorded that is neither recorded nor still a gap.
     *
     * @param recorded whether a position is already recorded
     */
    public static long inferred(TrackingToken current, long highestRecorded, LongPredicate recorded) {
        if (beyond(current, highestRecorded)) {
            return positionOf(current);
        }
        Set<Long> gaps = gapAware(current).getGaps();
        for (long candidate = highestRecorded - 1;
                candidate > highestRecorded - MAX_GAP_OFFSET && candidate >= 0;
                candidate--) {
            if (!gaps.contains(candidate) && !recorded.test(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No gap this event can fill below " + highestRecorded + ": " + current);
    }

    /** Whether the event's token reads beyond the highest recorded position: a new event at its own position. */
    static boolean beyond(TrackingToken current, long highestRecorded) {
        GapAwareTrackingToken token = gapAware(current);
        return token == null || token.getIndex() > highestRecorded;
    }

    static long positionOf(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("A token without a position: " + token));
    }

    private static GapAwareTrackingToken gapAware(TrackingToken token) {
        return token != null && WrappedToken.unwrapLowerBound(token) instanceof GapAwareTrackingToken gapAware
                ? gapAware
                : null;
    }
}
