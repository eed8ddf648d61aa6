package io.sourced.query.operations;

import io.sourced.api.operations.ProcessorStatus;
import io.sourced.api.operations.RebuildProgress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processors as metrics and health show them: their status as {@code GET /api/admin/processors} gives it, the age
 * of each one's oldest unprocessed event, and whether it stalled. Read when asked (a scrape, a health check), and at
 * most once per {@code refresh} however often it is asked: the reading queries the database (the tokens, the
 * dead-letter queues, the rebuilds, an event per processor behind), so many callers cost one reading, and nothing
 * here runs on a command's way or an event's.
 */
final class ProcessorWatch {

    private static final Logger log = LoggerFactory.getLogger(ProcessorWatch.class);

    /**
     * One processor's figures: {@code state} {@code RUNNING}, {@code STOPPED} or {@code ERROR}; {@code position}
     * null before it handled anything; {@code lagSeconds} how long ago its oldest unprocessed event happened (0 at the
     * head); {@code rebuildProgress} from 0 to 1 while its views are rebuilt or it replays, NaN otherwise;
     * {@code stalledFor} how long it has stood still behind the head, null unless it stalled.
     */
    record Vitals(
            String name,
            String state,
            Long position,
            long lag,
            double lagSeconds,
            long deadLetters,
            double rebuildProgress,
            Duration stalledFor) {

        /** In error, or stalled: the application works, but this processor's views, files or steps fall behind. */
        boolean degraded() {
            return "ERROR".equals(state) || stalledFor != null;
        }
    }

    /** One reading: every processor's figures, or why they could not be read ({@code failure}). */
    record Reading(Instant at, Map<String, Vitals> processors, String failure) {

        Optional<Vitals> of(String processor) {
            return Optional.ofNullable(processors.get(processor));
        }
    }

    private final Supplier<List<ProcessorStatus>> statuses;
    private final LongFunction<Optional<Instant>> firstEventAfter;
    private final StallDetector stalls;
    private final Duration refresh;
    private final Clock clock;
    private Reading last;

    /**
     * @param statuses the processors' status, as operators see it
     * @param firstEventAfter when the first event after a position happened; empty when none can be read yet
     */
    ProcessorWatch(
            Supplier<List<ProcessorStatus>> statuses,
            LongFunction<Optional<Instant>> firstEventAfter,
            StallDetector stalls,
            Duration refresh,
            Clock clock) {
        this.statuses = statuses;
        this.firstEventAfter = firstEventAfter;
        this.stalls = stalls;
        this.refresh = refresh;
        this.clock = clock;
    }

    /** The latest reading, read again if it is {@code refresh} old. */
    synchronized Reading current() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.at().plus(refresh))) {
            last = read(now);
        }
        return last;
    }

    private Reading read(Instant now) {
        try {
            Map<String, Vitals> processors = new LinkedHashMap<>();
            Map<Long, Double> ages = new HashMap<>();
            for (ProcessorStatus status : statuses.get()) {
                long lag = status.lag() == null ? 0 : Math.max(0, status.lag());
                double lagSeconds = lag == 0
                        ? 0
                        : ages.computeIfAbsent(
                                status.position() == null ? -1 : status.position(),
                                position -> ageAfter(position, now));
                processors.put(
                        status.name(),
                        new Vitals(
                                status.name(),
                                status.status(),
                                status.position(),
                                lag,
                                lagSeconds,
                                status.deadLetters(),
                                rebuildProgress(status),
                                stalls.stalled(status.name(), status.position(), lag, lagSeconds)
                                        .orElse(null)));
            }
            return new Reading(now, Map.copyOf(processors), null);
        } catch (RuntimeException e) {
            log.warn("The processors' figures could not be read: {}", e.toString());
            return new Reading(now, Map.of(), e.toString());
        }
    }

    /** The seconds since the oldest event after the position happened; 0 when none can be read yet. */
    private double ageAfter(long position, Instant now) {
        return firstEventAfter
                .apply(position)
                .map(happened -> Math.max(0, Duration.between(happened, now).toMillis() / 1000.0))
                .orElse(0.0);
    }

    /**
     * A rebuild of views beside the live ones: the events it did of those it reads; a replay of a processor that
     * writes no tables (its token reset): its position of the head's.
     */
    static double rebuildProgress(ProcessorStatus status) {
        RebuildProgress rebuild = status.rebuild();
        if (rebuild != null && rebuild.underWay()) {
            return rebuild.total() <= 0 ? 0 : Math.min(1, (double) rebuild.done() / rebuild.total());
        }
        if (status.replaying() && status.headPosition() != null && status.headPosition() >= 0) {
            long done = status.position() == null ? 0 : status.position() + 1;
            return Math.min(1, (double) done / (status.headPosition() + 1));
        }
        return Double.NaN;
    }
}
