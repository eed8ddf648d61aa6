package io.sourced.bench;

import java.util.Arrays;

/** Latency samples in milliseconds; percentiles by the nearest rank (the smallest value with p% at or below it). */
final class Latencies {

    private double[] values = new double[1024];
    private int count;

    synchronized void add(double millis) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = millis;
    }

    synchronized void addAll(Latencies other) {
        double[] theirs = other.sorted();
        for (double value : theirs) {
            add(value);
        }
    }

    synchronized int count() {
        return count;
    }

    /** The p-th percentile (0 < p ≤ 100); NaN without samples. */
    synchronized double percentile(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        double[] sorted = sorted();
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)];
    }

    private synchronized double[] sorted() {
        double[] copy = Arrays.copyOf(values, count);
        Arrays.sort(copy);
        return copy;
    }
}
