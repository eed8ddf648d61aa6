package io.sourced.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the runner reads of a process's or a thread's {@code stat} line in /proc: its name, its parent, and the CPU time
 * it used and its ended children used (user and kernel mode, in clock ticks).
 */
record ProcStat(String name, long parent, long ticks, long childrenTicks) {

    /** Clock ticks a second: USER_HZ, 100 on every Linux architecture this runs on. */
    static final double TICKS_PER_SECOND = 100;

    static ProcStat read(Path stat) throws IOException {
        return parse(Files.readString(stat));
    }

    static ProcStat parse(String stat) {
        // the name in parentheses may contain spaces and parentheses: the fields count from its last one
        int nameEnd = stat.lastIndexOf(')');
        String[] fields = stat.substring(nameEnd + 2).split(" ");
        return new ProcStat(
                stat.substring(stat.indexOf('(') + 1, nameEnd),
                Long.parseLong(fields[1]),
                Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
                Long.parseLong(fields[13]) + Long.parseLong(fields[14]));
    }

    double cpuSeconds() {
        return ticks / TICKS_PER_SECOND;
    }

    double childrenCpuSeconds() {
        return childrenTicks / TICKS_PER_SECOND;
    }
}
