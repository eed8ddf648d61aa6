package io.sourced.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRanks() {
        Latencies latencies = new Latencies();
        for (int i = 100; i >= 1; i--) {
            latencies.add(i);
        }
        assertThat(latencies.percentile(50)).isEqualTo(50);
        assertThat(latencies.percentile(95)).isEqualTo(95);
        assertThat(latencies.percentile(99)).isEqualTo(99);
        assertThat(latencies.percentile(100)).isEqualTo(100);
        assertThat(latencies.count()).isEqualTo(100);
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        Latencies latencies = new Latencies();
        latencies.add(7.5);
        assertThat(latencies.percentile(1)).isEqualTo(7.5);
        assertThat(latencies.percentile(99)).isEqualTo(7.5);
    }

    @Test
    void noSampleHasNoPercentile() {
        assertThat(new Latencies().percentile(50)).isNaN();
    }
}
