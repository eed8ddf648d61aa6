package io.sourced.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a Linux process's peak memory and CPU time from /proc: the peak resident set ({@code VmHWM}, reset per step
 * through {@code clear_refs} where the kernel allows it), the CPU time its threads used (utime + stime), and that of
 * its JVM's JIT compiler threads.
 */
final class ProcessProbe {

    private final Path proc;

    ProcessProbe(long pid) {
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
            return ProcStat.read(proc.resolve("stat")).cpuSeconds();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + proc.resolve("stat"), e);
        }
    }

    /**
     * The CPU time of the JVM's JIT compiler threads so far, and when it was read. Not {@code jstat -compiler}'s
     * {@code Time}: that adds up each compilation's elapsed time, which runs above the compilers' CPU time whenever
     * they wait for a core, as on a busy machine.
     */
    Compilation compilation() {
        Map<Long, Double> seconds = new HashMap<>();
        try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
            for (Path task : tasks.toList()) {
                ProcStat stat;
                try {
                    stat = ProcStat.read(task.resolve("stat"));
                } catch (NoSuchFileException ended) {
                    continue;
                }
                if (Compilation.compilerThread(stat.name())) {
                    seconds.put(Long.parseLong(task.getFileName().toString()), stat.cpuSeconds());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the threads of " + proc, e);
        }
        return new Compilation(Map.copyOf(seconds), System.nanoTime());
    }

    /**
     * The CPU seconds each JIT compiler thread of a JVM had used (by thread id) when read at {@code readAt}
     * (nanoTime). HotSpot stops the compiler threads it added once they idle: what such a thread used after the
     * earlier of two readings is missed if it stopped before the later.
     */
    record Compilation(Map<Long, Double> secondsByThread, long readAt) {

        /** The kernel keeps 15 characters of a thread's name: "C2 CompilerThread0" reads "C2 CompilerThre". */
        static boolean compilerThread(String name) {
            return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
        }

        double secondsSince(Compilation earlier) {
            return secondsByThread.entrySet().stream()
                    .mapToDouble(
                            thread -> thread.getValue() - earlier.secondsByThread.getOrDefault(thread.getKey(), 0.0))
                    .sum();
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
