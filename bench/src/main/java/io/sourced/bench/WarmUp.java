package io.sourced.bench;

import java.time.Duration;

/**
 * The load before a step's first measured repetition, not recorded. The append step, the insert limit and the soak's
 * first closed loop load for {@code least}. A workflow step's closed loop runs in slices of {@code slice}, for
 * {@code least} at least, until the application's JIT compilation over the last slice is below {@link #QUIET_CORES}
 * or it ran for {@code most}: under load the JVM compiles for minutes, and while it does, the workflow's throughput and
 * CPU per order measure its compilers too.
 */
record WarmUp(Duration least, Duration slice, Duration most) {

    static final double QUIET_CORES = 0.05;

    WarmUp {
        if (slice.isNegative() || slice.isZero() || most.compareTo(least) < 0) {
            throw new IllegalArgumentException("a warm-up needs slices and a cap no shorter than its least: " + slice
                    + ", " + least + " to " + most);
        }
    }

    /** Runs load for the given time and answers the application's JIT compilation over it, in cores. */
    interface LoadSlice {
        double run(Duration length) throws Exception;
    }

    /** How long a warm-up loaded, in how many slices, and the JIT compilation of its last (NaN: none ran). */
    record Outcome(Duration loaded, int slices, double lastSliceCores) {

        boolean quiet() {
            return lastSliceCores < QUIET_CORES;
        }
    }

    Outcome run(LoadSlice load) throws Exception {
        Duration loaded = Duration.ZERO;
        double cores = Double.NaN;
        int slices = 0;
        while (!over(loaded, cores)) {
            Duration length = next(loaded);
            cores = load.run(length);
            loaded = loaded.plus(length);
            slices++;
        }
        return new Outcome(loaded, slices, cores);
    }

    /** Over once {@code most} was loaded, or {@code least} and the last slice was quiet (NaN: no slice yet). */
    boolean over(Duration loaded, double lastSliceCores) {
        return loaded.compareTo(most) >= 0 || (loaded.compareTo(least) >= 0 && lastSliceCores < QUIET_CORES);
    }

    /** A whole slice, or what is left of {@code most}. */
    Duration next(Duration loaded) {
        Duration left = most.minus(loaded);
        return left.compareTo(slice) < 0 ? left : slice;
    }
}
