package io.sourced.api.reports;

import java.time.LocalDate;

/** The product report rows of the days from {@code from} to {@code to}, both included; ask for a list of {@link ProductDayReport}. */
public record FindProductDayReportsQuery(LocalDate from, LocalDate to) {}
