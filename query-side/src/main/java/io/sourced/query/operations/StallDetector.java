package io.sourced.query.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a processor has stalled: its lag has not shrunk for {@code stallAfter}. Either it stood still behind the head
 * of the log at every look, its position unmoved for that long, or it moves but has not caught up with an event that
 * old: its oldest unhandled event happened {@code stallAfter} ago or more. A processor that keeps up lags the head by a
 * few events of its last second or so (a steady load keeps the views a few events behind), and never stalls. The clock
 * of a position starts at the first look that saw it behind; one look at the head forgets it.
 */
final class StallDetector {

    private final Duration stallAfter;
    private final Clock clock;
    private final Map<String, Sighting> behind = new HashMap<>();

    private record Sighting(Long position, Instant since) {}

    StallDetector(Duration stallAfter, Clock clock) {
        this.stallAfter = stallAfter;
        this.clock = clock;
    }

    /**
     * Looks at the processor now: how long it has stood still behind the head, or how old its oldest unhandled event
     * is, once that is {@code stallAfter} or more; empty while it is at the head, or keeps up.
     *
     * @param position its position now ({@code null}: it has none yet)
     * @param lag the events between its position and the head of the log
     * @param lagSeconds how long ago its oldest unhandled event happened
     */
    synchronized Optional<Duration> stalled(String processor, Long position, long lag, double lagSeconds) {
        Optional<Duration> still = standingStill(processor, position, lag);
        if (still.isPresent() || lag <= 0) {
            return still;
        }
        Duration behind = Duration.ofMillis(Math.round(lagSeconds * 1000));
        return behind.compareTo(stallAfter) >= 0 ? Optional.of(behind) : Optional.empty();
    }

    private Optional<Duration> standingStill(String processor, Long position, long lag) {
        Instant now = clock.instant();
        if (lag <= 0) {
            behind.remove(processor);
            return Optional.empty();
        }
        Sighting seen = behind.get(processor);
        if (seen == null || !Objects.equals(seen.position(), position)) {
            behind.put(processor, new Sighting(position, now));
            return Optional.empty();
        }
        Duration still = Duration.between(seen.since(), now);
        return still.compareTo(stallAfter) >= 0 ? Optional.of(still) : Optional.empty();
    }
}
