package io.sourced.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a Linux process's peak memory and CPU time from /proc: the peak resident set ({@code VmHWM}, reset per step
 * through {@code clear_refs} where the kernel allows it) and the CPU time its threads used (utime + stime); and, with
 * {@link Jstat}, the time its JVM spent JIT-compiling.
 */
final class ProcessProbe {

    /** Clock ticks a second of /proc/[pid]/stat: USER_HZ, 100 on every Linux architecture this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private final long pid;
    private final Path proc;

    ProcessProbe(long pid) {
        this.pid = pid;
        this.proc = Path.of("/proc", Long.toString(pid));
    }

    /** Starts a new peak: from now on {@link #peakRssMegabytes()} is the peak since this call. */
    boolean resetPeak() {
        try {
            Files.writeString(proc.resolve("clear_refs"), "5");
            return true;
        } catch (IOException | SecurityException notAllowed) {
            return false;
        }
    }

    double peakRssMegabytes() {
        return statusNumber("VmHWM:") / 1024.0;
    }

    /** The resident set now. */
    double rssMegabytes() {
        return statusNumber("VmRSS:") / 1024.0;
    }

    int threads() {
        return (int) statusNumber("Threads:");
    }

    /** CPU seconds used by the process so far, in user and kernel mode. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            // the command name in parentheses may contain spaces: count the fields after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long utime = Long.parseLong(fields[11]);
            long stime = Long.parseLong(fields[12]);
            return (utime + stime) / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + proc.resolve("stat"), e);
        }
    }

    /** The JIT compilation time so far, and when it was read. */
    Compilation compilation() throws IOException, InterruptedException {
        double seconds = Jstat.ofThisJdk().compileSeconds(pid);
        return new Compilation(seconds, System.nanoTime());
    }

    /** Seconds the JVM had spent JIT-compiling (all its compiler threads) when read at {@code readAt} (nanoTime). */
    record Compilation(double seconds, long readAt) {

        double secondsSince(Compilation earlier) {
            return seconds - earlier.seconds;
        }

        /** Compilation since the earlier reading over the wall time between them, in cores. */
        double coresSince(Compilation earlier) {
            return secondsSince(earlier) / ((readAt - earlier.readAt) / 1e9);
        }
    }

    /** A number of /proc/[pid]/status: kilobytes for memory, a count for threads. */
    private long statusNumber(String field) {
        try {
            return Files.readAllLines(proc.resolve("status")).stream()
                    .filter(line -> line.startsWith(field))
                    .map(line -> line.substring(field.length()).trim().split("\\s+")[0])
                    .mapToLong(Long::parseLong)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(field + " missing in " + proc.resolve("status")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + proc.resolve("status"), e);
        }
    }

    /** CPU used over a span of wall time, in cores (1.0 = one core busy throughout). */
    final class Span {
        private final double cpuAtStart = cpuSeconds();
        private final long wallAtStart = System.nanoTime();

        double cores() {
            double wall = (System.nanoTime() - wallAtStart) / 1e9;
            return seconds() / wall;
        }

        /** CPU time the process used since the span began. */
        double seconds() {
            return cpuSeconds() - cpuAtStart;
        }
    }

    Span span() {
        return new Span();
    }
}
