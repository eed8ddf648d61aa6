package io.sourced.api.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    private static final Clock LATE_ON_NOV_26_UTC = Clock.fixed(Instant.parse("2026-11-26T23:30:00Z"), ZoneOffset.UTC);
    private static final LocalDate NOV_26 = LocalDate.parse("2026-11-26");

    @Test
    void period_withoutEnds_isTheLast30DaysUpToTodayUtc() {
        ReportPeriod period = ReportPeriod.of(null, null, LATE_ON_NOV_26_UTC);

        assertThat(period).isEqualTo(new ReportPeriod(LocalDate.parse("2026-10-28"), NOV_26));
        assertThat(period.days()).isEqualTo(30);
    }

    @Test
    void period_withOnlyTo_isThe30DaysUpToIt() {
        assertThat(ReportPeriod.of(null, LocalDate.parse("2026-01-31"), LATE_ON_NOV_26_UTC))
                .isEqualTo(new ReportPeriod(LocalDate.parse("2026-01-02"), LocalDate.parse("2026-01-31")));
    }

    @Test
    void period_withOnlyFrom_endsToday_orOnFromWhenFromIsLater() {
        assertThat(ReportPeriod.of(LocalDate.parse("2026-11-20"), null, LATE_ON_NOV_26_UTC)
                        .to())
                .isEqualTo(NOV_26);
        assertThat(ReportPeriod.of(LocalDate.parse("2026-12-01"), null, LATE_ON_NOV_26_UTC)
                        .to())
                .isEqualTo(LocalDate.parse("2026-12-01"));
    }

    @Test
    void period_fromAfterTo_isRefused() {
        assertThatThrownBy(() -> ReportPeriod.of(NOV_26, NOV_26.minusDays(1), LATE_ON_NOV_26_UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be after");
    }

    @Test
    void period_ofMoreThan366Days_isRefused_366AreFine() {
        assertThat(new ReportPeriod(NOV_26.minusDays(365), NOV_26).days()).isEqualTo(366);
        assertThatThrownBy(() -> new ReportPeriod(NOV_26.minusDays(366), NOV_26))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 366 days");
    }
}
