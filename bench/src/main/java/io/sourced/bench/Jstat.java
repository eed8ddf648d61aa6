package io.sourced.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The JDK's {@code jstat}: it reads a HotSpot JVM's performance counters from the file the JVM shares them in, without
 * attaching to it, so reading them costs the process read nothing.
 */
record Jstat(Path executable) {

    /** The jstat beside the java running the runner (which also runs the application), else {@code $JAVA_HOME}'s. */
    static Jstat ofThisJdk() {
        String javaHome = System.getenv("JAVA_HOME");
        return Stream.of(System.getProperty("java.home"), javaHome)
                .filter(home -> home != null && !home.isBlank())
                .map(home -> Path.of(home, "bin", "jstat"))
                .filter(Files::isExecutable)
                .findFirst()
                .map(Jstat::new)
                .orElseThrow(() -> new IllegalStateException("no jstat in " + System.getProperty("java.home")
                        + "/bin nor in $JAVA_HOME/bin: the runner needs a JDK, not a JRE"));
    }

    /** Seconds the process's JVM spent JIT-compiling so far, all its compiler threads together. */
    double compileSeconds(long pid) throws IOException, InterruptedException {
        String output = run("-compiler", Long.toString(pid));
        try {
            return compileSeconds(output);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read jstat -compiler " + pid + ": " + output, e);
        }
    }

    /**
     * The {@code Time} column of {@code jstat -compiler}'s output: a header ({@code Compiled Failed Invalid Time
     * FailedType FailedMethod}) over a line of values, whose last column may be empty or two words.
     */
    static double compileSeconds(String output) {
        List<String[]> rows = output.lines()
                .map(String::trim)
                .filter(line -> !line.isEmpty())
                .map(line -> line.split("\\s+"))
                .toList();
        for (int i = 0; i + 1 < rows.size(); i++) {
            int column = Arrays.asList(rows.get(i)).indexOf("Time");
            if (column >= 0) {
                // jstat formats its numbers in the default locale: a decimal comma in some
                return Double.parseDouble(rows.get(i + 1)[column].replace(',', '.'));
            }
        }
        throw new IllegalArgumentException("no Time column with a value under it");
    }

    private String run(String... arguments) throws IOException, InterruptedException {
        List<String> command = Stream.concat(Stream.of(executable.toString()), Arrays.stream(arguments))
                .toList();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
