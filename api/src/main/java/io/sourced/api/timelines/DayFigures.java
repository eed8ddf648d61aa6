package io.sourced.api.timelines;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One day's figures (UTC, by the log's time), what happened beside the timeline's. */
public record DayFigures(
        LocalDate day,
        BigDecimal actualRevenue,
        BigDecimal whatIfRevenue,
        long actualUnitsLost,
        long whatIfUnitsLost) {}
