package io.sourced.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The CPU time PostgreSQL's processes on this machine used, from /proc: every live {@code postgres} process's own
 * time, plus what the postmaster collected from the backends that already ended. Zero where /proc cannot tell
 * (another machine's server).
 */
final class PostgresCpu {

    private PostgresCpu() {}

    static double seconds() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes
                    .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToDouble(PostgresCpu::secondsOf)
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** A postgres process's time; for the postmaster (whose parent is not postgres) its ended children's too. */
    private static double secondsOf(Path process) {
        try {
            ProcStat stat = ProcStat.read(process.resolve("stat"));
            if (!stat.name().equals("postgres")) {
                return 0;
            }
            boolean postmaster = !isPostgres(Path.of("/proc", Long.toString(stat.parent())));
            return stat.cpuSeconds() + (postmaster ? stat.childrenCpuSeconds() : 0);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static boolean isPostgres(Path process) {
        try {
            return Files.readString(process.resolve("comm")).trim().equals("postgres");
        } catch (IOException e) {
            return false;
        }
    }
}
