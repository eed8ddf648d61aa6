package io.sourced.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressWatchTest {

    private static final long SECOND = 1_000_000_000L;

    private final ProgressWatch watch = new ProgressWatch(Duration.ofSeconds(10), 0.01);

    @Test
    void progressThatMovesIsNeverStalled() {
        for (int i = 0; i < 100; i++) {
            assertThat(watch.stalled(i / 100.0, i * 5 * SECOND)).isFalse();
        }
        assertThat(watch.progress()).isEqualTo(0.99);
    }

    @Test
    void progressUnchangedForAWindowIsStalled() {
        assertThat(watch.stalled(0.5, 100 * SECOND)).isFalse();
        assertThat(watch.stalled(0.5, 109 * SECOND)).isFalse();
        assertThat(watch.stalled(0.5, 110 * SECOND)).isTrue();
        assertThat(watch.progress()).isEqualTo(0.5);
    }

    @Test
    void progressCreepingBelowTheLeastIsStalled() {
        watch.stalled(0.560, 0);
        assertThat(watch.stalled(0.563, 5 * SECOND)).isFalse();
        assertThat(watch.stalled(0.565, 10 * SECOND)).isTrue();
    }

    @Test
    void enoughProgressInAWindowStartsAnotherWindow() {
        watch.stalled(0.0, 0);
        assertThat(watch.stalled(0.02, 10 * SECOND)).isFalse();
        assertThat(watch.stalled(0.025, 19 * SECOND)).isFalse();
        assertThat(watch.stalled(0.025, 20 * SECOND)).isTrue();
    }
}
