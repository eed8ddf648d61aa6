package io.sourced.query.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.query.MovingClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StallDetectorTest {

    private static final Duration STALL_AFTER = Duration.ofMinutes(2);

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-08T10:00:00Z"));
    private final StallDetector detector = new StallDetector(STALL_AFTER, clock);

    @Test
    void stalled_behindAndStillForTheWholeWhile_saysForHowLong() {
        assertThat(detector.stalled("reports", 40L, 12, 1)).isEmpty();
        clock.advance(Duration.ofSeconds(119));
        assertThat(detector.stalled("reports", 40L, 15, 1)).as("a second short").isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(detector.stalled("reports", 40L, 15, 1)).contains(STALL_AFTER);
        clock.advance(Duration.ofSeconds(30));
        assertThat(detector.stalled("reports", 40L, 20, 1)).contains(Duration.ofSeconds(150));
    }

    @Test
    void stalled_movingButNotCatchingUpWithAnEventThatOld_saysHowOldItIs() {
        assertThat(detector.stalled("reports", 40L, 5_000, 30)).isEmpty();
        assertThat(detector.stalled("reports", 900L, 9_000, 119.5))
                .as("moved, not yet that far behind")
                .isEmpty();

        assertThat(detector.stalled("reports", 1_800L, 12_000, 121))
                .as("moves, but its oldest unhandled event is older than the while")
                .contains(Duration.ofSeconds(121));
        assertThat(detector.stalled("reports", 1_800L, 0, 0)).as("caught up").isEmpty();
    }

    @Test
    void stalled_positionMoved_startsTheWhileAgain() {
        detector.stalled("views", 40L, 12, 1);
        clock.advance(Duration.ofSeconds(100));
        assertThat(detector.stalled("views", 41L, 30, 1))
                .as("moved, though its lag grew")
                .isEmpty();

        clock.advance(Duration.ofSeconds(100));
        assertThat(detector.stalled("views", 41L, 30, 1)).isEmpty();
        clock.advance(Duration.ofSeconds(20));
        assertThat(detector.stalled("views", 41L, 30, 1)).contains(STALL_AFTER);
    }

    @Test
    void stalled_atTheHead_neverStalls_andForgetsWhereItStood() {
        detector.stalled("shipping", 40L, 3, 1);
        clock.advance(Duration.ofMinutes(5));
        assertThat(detector.stalled("shipping", 40L, 0, 1)).isEmpty();

        clock.advance(Duration.ofMinutes(5));
        assertThat(detector.stalled("shipping", 40L, 0, 1))
                .as("nothing to do: not stalled")
                .isEmpty();
        assertThat(detector.stalled("shipping", 40L, 2, 1))
                .as("behind again: its while starts now")
                .isEmpty();
        clock.advance(STALL_AFTER);
        assertThat(detector.stalled("shipping", 40L, 2, 1)).contains(STALL_AFTER);
    }

    @Test
    void stalled_withoutAPositionYet_stallsLikeAnyOther() {
        detector.stalled("data-lake", null, 50, 1);
        clock.advance(STALL_AFTER);

        assertThat(detector.stalled("data-lake", null, 50, 1)).contains(STALL_AFTER);
        assertThat(detector.stalled("reports", null, 50, 1))
                .as("each processor on its own")
                .isEmpty();
    }
}
