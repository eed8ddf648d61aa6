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

    private static final double TICKS_PER_SECOND = 100;

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
            String stat = Files.readString(process.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            if (!name.equals("postgres")) {
                return 0;
            }
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            long children = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            boolean postmaster = !isPostgres(Path.of("/proc", fields[1]));
            return (own + (postmaster ? children : 0)) / TICKS_PER_SECOND;
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
