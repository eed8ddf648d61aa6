package io.sourced.api.reports;

import java.time.LocalDate;

/** The day report rows from {@code from} to {@code to}, both included; ask for a list of {@link DayReport}. */
public record FindDayReportsQuery(LocalDate from, LocalDate to) {}
