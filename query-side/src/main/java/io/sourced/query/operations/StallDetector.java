package io.sourced.query.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a processor has stalled: behind the head of the log at every look, its position unmoved for
 * {@code stallAfter}, so that its lag cannot have shrunk. A processor behind whose position moves is slow, not stalled
 * (its lag says how slow): under a steady load the views are always a few events behind, and never stalled. The clock
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
     * Looks at the processor now: how long it has stood still behind the head, once that is {@code stallAfter} or
     * more; empty while it moves, is at the head, or has not stood still that long.
     *
     * @param position its position now ({@code null}: it has none yet)
     * @param lag the events between its position and the head of the log
     */
    synchronized Optional<Duration> stalled(String processor, Long position, long lag) {
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
