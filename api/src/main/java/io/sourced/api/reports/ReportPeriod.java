package io.sourced.api.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The days a report covers, both ends included: by default the last {@value #DEFAULT_DAYS} days up to today (UTC). */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_DAYS = 366;

    public ReportPeriod {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from (" + from + ") must not be after to (" + to + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new IllegalArgumentException("a report covers at most " + MAX_DAYS + " days");
        }
    }

    /** Either end may be missing: {@code to} defaults to today, {@code from} to {@value #DEFAULT_DAYS} days up to {@code to}. */
    public static ReportPeriod of(LocalDate from, LocalDate to, Clock clock) {
        LocalDate end =
                to != null ? to : from != null && from.isAfter(LocalDate.now(clock)) ? from : LocalDate.now(clock);
        LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1L);
        return new ReportPeriod(start, end);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
