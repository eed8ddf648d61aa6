package io.sourced.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressWatchTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void progressThatMovesIsNeverStalled() {
        ProgressWatch watch = new ProgressWatch(Duration.ofSeconds(10));
        for (int i = 0; i < 100; i++) {
            assertThat(watch.stalled(i / 100.0, i * 5 * SECOND)).isFalse();
        }
        assertThat(watch.progress()).isEqualTo(0.99);
    }

    @Test
    void progressUnchangedForTheStallTimeIsStalled() {
        ProgressWatch watch = new ProgressWatch(Duration.ofSeconds(10));
        assertThat(watch.stalled(0.5, 100 * SECOND)).isFalse();
        assertThat(watch.stalled(0.5, 109 * SECOND)).isFalse();
        assertThat(watch.stalled(0.5, 110 * SECOND)).isTrue();
        assertThat(watch.progress()).isEqualTo(0.5);
    }

    @Test
    void aMoveStartsTheWaitAgain() {
        ProgressWatch watch = new ProgressWatch(Duration.ofSeconds(10));
        watch.stalled(0.0, 0);
        assertThat(watch.stalled(0.1, 9 * SECOND)).isFalse();
        assertThat(watch.stalled(0.1, 18 * SECOND)).isFalse();
        assertThat(watch.stalled(0.1, 19 * SECOND)).isTrue();
    }
}
