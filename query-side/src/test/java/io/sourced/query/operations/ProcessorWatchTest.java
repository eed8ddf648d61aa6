package io.sourced.query.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.operations.ProcessorStatus;
import io.sourced.api.operations.RebuildProgress;
import io.sourced.query.MovingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProcessorWatchTest {

    private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");
    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final MovingClock clock = new MovingClock(NOW);
    private final AtomicInteger readings = new AtomicInteger();
    private final List<Long> eventsAskedAfter = new ArrayList<>();
    private List<ProcessorStatus> statuses = List.of();
    /** When each position's event happened: the first event after a position is the one at position + 1. */
    private Map<Long, Instant> happened = Map.of();

    private final ProcessorWatch watch = new ProcessorWatch(
            () -> {
                readings.incrementAndGet();
                return statuses;
            },
            position -> {
                eventsAskedAfter.add(position);
                return Optional.ofNullable(happened.get(position + 1));
            },
            new StallDetector(Duration.ofMinutes(2), clock),
            REFRESH,
            clock);

    private static ProcessorStatus status(String name, String state, Long position, long head) {
        return new ProcessorStatus(
                name,
                List.of(name),
                "streaming",
                1,
                List.of(),
                position,
                head,
                head - (position == null ? -1 : position),
                false,
                true,
                state,
                0,
                null);
    }

    @Test
    void current_askedOftenWithinARefresh_readsOnce() {
        statuses = List.of(status("views", "RUNNING", 9L, 9));

        for (int i = 0; i < 10; i++) {
            watch.current();
            clock.advance(Duration.ofMillis(400));
        }
        assertThat(readings).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        watch.current();
        assertThat(readings).hasValue(2);
    }

    @Test
    void current_behind_givesTheAgeOfTheOldestUnhandledEvent_askedOncePerPosition() {
        statuses = List.of(
                status("views", "RUNNING", 9L, 9),
                status("reports", "RUNNING", 6L, 9),
                status("shipping", "RUNNING", 6L, 9),
                status("data-lake", "RUNNING", null, 9));
        happened = Map.of(0L, NOW.minusSeconds(600), 7L, NOW.minusMillis(2500));

        ProcessorWatch.Reading reading = watch.current();

        assertThat(reading.of("views").orElseThrow().lagSeconds()).isZero();
        assertThat(reading.of("reports").orElseThrow().lag()).isEqualTo(3);
        assertThat(reading.of("reports").orElseThrow().lagSeconds()).isEqualTo(2.5);
        assertThat(reading.of("shipping").orElseThrow().lagSeconds()).isEqualTo(2.5);
        assertThat(reading.of("data-lake").orElseThrow().lagSeconds()).isEqualTo(600);
        assertThat(reading.of("data-lake").orElseThrow().lag()).isEqualTo(10);
        assertThat(eventsAskedAfter)
                .as("no event asked for at the head, one per position behind")
                .containsExactly(6L, -1L);
    }

    @Test
    void current_eventAfterThePositionNotReadableYet_isNoAge() {
        statuses = List.of(status("reports", "RUNNING", 6L, 9));

        assertThat(watch.current().of("reports").orElseThrow().lagSeconds()).isZero();
    }

    @Test
    void current_inErrorOrStalled_isDegraded() {
        statuses = List.of(status("views", "RUNNING", 3L, 9), status("reports", "ERROR", 9L, 9));
        ProcessorWatch.Reading first = watch.current();
        assertThat(first.of("views").orElseThrow().degraded()).isFalse();
        assertThat(first.of("reports").orElseThrow().degraded()).as("in error").isTrue();

        clock.advance(Duration.ofMinutes(2));
        ProcessorWatch.Reading later = watch.current();

        assertThat(later.of("views").orElseThrow().degraded())
                .as("stood still behind for 2 minutes")
                .isTrue();
        assertThat(later.of("views").orElseThrow().stalledFor()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void current_statusesUnreadable_saysWhy_andIsReadAgainAfterTheRefresh() {
        ProcessorWatch failing = new ProcessorWatch(
                () -> {
                    readings.incrementAndGet();
                    throw new IllegalStateException("database away");
                },
                position -> Optional.empty(),
                new StallDetector(Duration.ofMinutes(2), clock),
                REFRESH,
                clock);

        ProcessorWatch.Reading reading = failing.current();

        assertThat(reading.failure()).contains("database away");
        assertThat(reading.of("views")).isEmpty();
        clock.advance(REFRESH);
        failing.current();
        assertThat(readings).hasValue(2);
    }

    @Test
    void rebuildProgress_rebuildUnderWay_isTheShareOfEventsDone() {
        RebuildProgress running = new RebuildProgress("RUNNING", 250, 1000, 500, 1L, "a", NOW, NOW, null);
        ProcessorStatus rebuilding = withRebuild(status("views", "RUNNING", 999L, 999), running, true);

        assertThat(ProcessorWatch.rebuildProgress(rebuilding)).isEqualTo(0.25);
    }

    @Test
    void rebuildProgress_replayOfATokenReset_isThePositionOfTheHeads() {
        ProcessorStatus replaying = withRebuild(status("data-lake", "RUNNING", 199L, 799), null, true);

        assertThat(ProcessorWatch.rebuildProgress(replaying)).isEqualTo(0.25);
    }

    @Test
    void rebuildProgress_noneUnderWay_isNaN() {
        RebuildProgress done = new RebuildProgress("DONE", 1000, 1000, 500, 0L, "a", NOW, NOW, null);

        assertThat(ProcessorWatch.rebuildProgress(withRebuild(status("views", "RUNNING", 9L, 9), done, false)))
                .isNaN();
        assertThat(ProcessorWatch.rebuildProgress(status("reports", "RUNNING", 9L, 9)))
                .isNaN();
    }

    private static ProcessorStatus withRebuild(ProcessorStatus status, RebuildProgress rebuild, boolean replaying) {
        return new ProcessorStatus(
                status.name(),
                status.groups(),
                status.type(),
                status.segments(),
                status.claims(),
                status.position(),
                status.headPosition(),
                status.lag(),
                replaying,
                status.replayable(),
                status.status(),
                status.deadLetters(),
                rebuild);
    }
}
