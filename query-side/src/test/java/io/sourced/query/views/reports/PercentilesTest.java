package io.sourced.query.views.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void median_ofAnEvenCount_isTheMeanOfTheTwoMiddleValues() {
        assertThat(Percentiles.seconds(List.of(4000L, 1000L, 3000L, 2000L), new BigDecimal("0.5")))
                .isEqualByComparingTo("2.500");
    }

    @Test
    void p95_interpolatesBetweenTheTwoNearestRanks() {
        // rank 0.95 × 3 = 2.85: 3000 + 0.85 × (4000 − 3000)
        assertThat(Percentiles.seconds(List.of(1000L, 2000L, 3000L, 4000L), new BigDecimal("0.95")))
                .isEqualByComparingTo("3.850");
    }

    @Test
    void percentile_ofOneValue_isThatValue_inSecondsWithThreeDecimals() {
        assertThat(Percentiles.seconds(List.of(1234L), new BigDecimal("0.95"))).isEqualTo(new BigDecimal("1.234"));
    }

    @Test
    void percentile_ofNoValues_isNull() {
        assertThat(Percentiles.seconds(List.of(), new BigDecimal("0.5"))).isNull();
    }
}
