package io.sourced.query.views.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The day an event counts on in every report: the UTC date of its timestamp. */
final class ReportDay {

    private ReportDay() {}

    static LocalDate of(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
