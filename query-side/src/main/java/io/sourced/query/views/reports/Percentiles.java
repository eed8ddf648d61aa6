package io.sourced.query.views.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Percentiles of durations as PostgreSQL's {@code percentile_cont} computes them: linear interpolation between the two
 * nearest ranks of the sorted values. Computed in Java so both databases answer alike.
 */
final class Percentiles {

    private static final BigDecimal MILLIS_PER_SECOND = BigDecimal.valueOf(1000);

    private Percentiles() {}

    /** The {@code fraction} (0–1) percentile of the durations in milliseconds, in seconds with 3 decimals; null when there are none. */
    static BigDecimal seconds(List<Long> millis, BigDecimal fraction) {
        if (millis.isEmpty()) {
            return null;
        }
        List<Long> sorted = millis.stream().sorted().toList();
        BigDecimal rank = fraction.multiply(BigDecimal.valueOf(sorted.size() - 1L));
        int lower = rank.intValue();
        int upper = Math.min(lower + 1, sorted.size() - 1);
        BigDecimal below = BigDecimal.valueOf(sorted.get(lower));
        BigDecimal above = BigDecimal.valueOf(sorted.get(upper));
        BigDecimal value = below.add(rank.subtract(BigDecimal.valueOf(lower)).multiply(above.subtract(below)));
        return value.divide(MILLIS_PER_SECOND, 3, RoundingMode.HALF_UP);
    }
}
