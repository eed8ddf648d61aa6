package io.sourced.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** One figure measured several times: its median and its spread (lowest to highest). */
record Summary(double median, double min, double max, int samples) {

    static Summary of(List<Double> values) {
        double[] known = values.stream()
                .mapToDouble(Double::doubleValue)
                .filter(v -> !Double.isNaN(v))
                .sorted()
                .toArray();
        if (known.length == 0) {
            return new Summary(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        int middle = known.length / 2;
        double median = known.length % 2 == 1 ? known[middle] : (known[middle - 1] + known[middle]) / 2;
        return new Summary(median, known[0], known[known.length - 1], known.length);
    }

    static Summary of(double... values) {
        return of(Arrays.stream(values).boxed().toList());
    }

    /** The median divided by another figure's median: how close this comes to the limit it is bounded by. */
    double ratioTo(Summary limit) {
        return median / limit.median;
    }

    String medianText() {
        return format(median);
    }

    String spreadText() {
        return samples <= 1 ? "" : format(min) + " – " + format(max);
    }

    /** Three significant digits at most, no exponent: 0.123, 12.3, 1234. */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
