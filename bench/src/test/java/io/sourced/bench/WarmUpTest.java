package io.sourced.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmUpTest {

    private static final WarmUp FULL =
            new WarmUp(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(180));

    /** Slices that compile the given cores in turn, their lengths kept. */
    private static final class Slices implements WarmUp.LoadSlice {
        final List<Duration> lengths = new ArrayList<>();
        private final Iterator<Double> cores;

        Slices(Double... cores) {
            this.cores = List.of(cores).iterator();
        }

        @Override
        public double run(Duration length) {
            lengths.add(length);
            return cores.next();
        }
    }

    @Test
    void slicesUntilTheLastIsQuiet() throws Exception {
        Slices slices = new Slices(0.9, 0.3, 0.06, 0.049, 0.01);
        WarmUp.Outcome outcome = FULL.run(slices);
        assertThat(slices.lengths).containsOnly(Duration.ofSeconds(10)).hasSize(4);
        assertThat(outcome).isEqualTo(new WarmUp.Outcome(Duration.ofSeconds(40), 4, 0.049));
        assertThat(outcome.quiet()).isTrue();
    }

    @Test
    void aQuietSliceEndsItOnlyAfterTheLeast() throws Exception {
        WarmUp warmUp = new WarmUp(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(20));
        Slices slices = new Slices(0.0, 0.0, 0.0, 0.0);
        assertThat(warmUp.run(slices).loaded()).isEqualTo(Duration.ofSeconds(6));
        assertThat(slices.lengths).hasSize(3);
    }

    @Test
    void theCapEndsItStillCompiling() throws Exception {
        WarmUp quick = new WarmUp(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(10));
        Slices slices = new Slices(0.5, 0.4, 0.3, 0.2, 0.1);
        WarmUp.Outcome outcome = quick.run(slices);
        assertThat(slices.lengths)
                .containsExactly(
                        Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(1));
        assertThat(outcome).isEqualTo(new WarmUp.Outcome(Duration.ofSeconds(10), 4, 0.2));
        assertThat(outcome.quiet()).isFalse();
    }

    @Test
    void theRuleAlone() {
        assertThat(FULL.over(Duration.ZERO, Double.NaN)).isFalse();
        assertThat(FULL.over(Duration.ofSeconds(4), 0.0)).isFalse();
        assertThat(FULL.over(Duration.ofSeconds(10), WarmUp.QUIET_CORES)).isFalse();
        assertThat(FULL.over(Duration.ofSeconds(10), 0.04)).isTrue();
        assertThat(FULL.over(Duration.ofSeconds(180), 1.2)).isTrue();
        assertThat(FULL.next(Duration.ofSeconds(175))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theScalesWarmUps() {
        assertThat(Scale.full().warmup()).isEqualTo(FULL);
        assertThat(Scale.quick().warmup())
                .isEqualTo(new WarmUp(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10)));
    }

    @Test
    void refusesAWarmUpThatCouldNotEnd() {
        assertThatThrownBy(() -> new WarmUp(Duration.ofSeconds(5), Duration.ZERO, Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WarmUp(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(4)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
