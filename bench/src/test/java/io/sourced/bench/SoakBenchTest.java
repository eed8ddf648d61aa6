package io.sourced.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sourced.bench.SoakBench.Sample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoakBenchTest {

    @Test
    void theTrendIsTheSlopeOfTheLiveHeapAfterTheFirstMinute() {
        List<Sample> samples = List.of(sample(0, 40), sample(1, 100), sample(2, 102), sample(3, 104), sample(4, 106));
        assertThat(SoakBench.trend(samples)).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void aNoisyButFlatHeapHasASmallTrend() {
        List<Sample> samples = List.of(sample(0, 40), sample(1, 100), sample(2, 99), sample(3, 101));
        assertThat(SoakBench.trend(samples)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void theClassesThatGrewMostComeFirst() {
        String table = SoakBench.growthByClass(
                Map.of("a.Kept", 4096L, "b.Leak", 1024L),
                Map.of("a.Kept", 4096L, "b.Leak", 102_400L, "c.New", 10_240L));
        assertThat(table).contains("| `b.Leak` | 99 | 100 |\n| `c.New` | 10 | 10 |\n| `a.Kept` | 0 | 4 |");
    }

    private static Sample sample(double minutes, double liveHeap) {
        return new Sample(minutes, 0, liveHeap, 300, 80, 120, 0);
    }
}
