package io.sourced.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void theMedianOfRepetitionsAndTheirSpread() {
        Summary summary = Summary.of(30, 10, 20);
        assertThat(summary.median()).isEqualTo(20);
        assertThat(summary.spreadText()).isEqualTo("10.0 – 30.0");
        assertThat(Summary.of(1, 2, 3, 4).median()).isEqualTo(2.5);
    }

    @Test
    void aFigureNotMeasuredIsNotAvailable() {
        Summary summary = Summary.of(Double.NaN);
        assertThat(summary.samples()).isZero();
        assertThat(summary.medianText()).isEqualTo("n/a");
    }

    @Test
    void threeSignificantDigitsAtMost() {
        assertThat(Summary.format(123456.7)).isEqualTo("123457");
        assertThat(Summary.format(12.345)).isEqualTo("12.3");
        assertThat(Summary.format(1.2345)).isEqualTo("1.23");
        assertThat(Summary.format(0.01234)).isEqualTo("0.012");
    }

    @Test
    void ratiosToALimitKeepTwoSignificantDigits() {
        assertThat(Results.twoDigits(0.5234)).isEqualTo("0.52");
        assertThat(Results.twoDigits(0.000188)).isEqualTo("0.00019");
        assertThat(Results.twoDigits(2.0)).isEqualTo("2");
    }
}
