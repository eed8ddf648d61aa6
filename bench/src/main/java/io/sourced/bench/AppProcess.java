package io.sourced.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application jar run as a child process with its heap capped, on a free port, in a working folder of its own;
 * its output goes to a log file there.
 */
final class AppProcess implements AutoCloseable {

    static final String HEAP = "-Xmx512m";
    private static final Duration HEALTHY_WITHIN = Duration.ofMinutes(3);

    private final Process process;
    private final int port;
    private final Path log;
    private final double secondsToHealthy;

    private AppProcess(Process process, int port, Path log, double secondsToHealthy) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.secondsToHealthy = secondsToHealthy;
    }

    /** Starts the jar and returns once {@code /actuator/health} answers UP (or DEGRADED: it serves). */
    static AppProcess start(Path jar, Path folder, List<String> arguments) throws IOException, InterruptedException {
        int port = freePort();
        Files.createDirectories(folder);
        List<String> command = new ArrayList<>(List.of(javaExecutable(), HEAP));
        if (System.getenv("SOURCED_BENCH_PROFILE") != null) {
            // a flight recording of the application, in its folder, for a look at where its CPU went
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + folder.toAbsolutePath().resolve("app.jfr"));
        }
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.port=" + port));
        command.addAll(arguments);
        Path log = folder.resolve("app.log");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            awaitHealthy(process, port, log);
        } catch (IOException | RuntimeException | InterruptedException e) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw e;
        }
        return new AppProcess(process, port, log, (System.nanoTime() - started) / 1e9);
    }

    URI base() {
        return URI.create("http://localhost:" + port);
    }

    long pid() {
        return process.pid();
    }

    /** Seconds from {@code java -jar} to the first healthy answer (polled every 50 ms). */
    double secondsToHealthy() {
        return secondsToHealthy;
    }

    Path log() {
        return log;
    }

    /** Stops the application as an operator would (SIGTERM, graceful shutdown), killing it if it hangs. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void awaitHealthy(Process process, int port, Path log) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + HEALTHY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue()
                        + " before it was healthy; its log: " + log + "\n" + tail(log));
            }
            try {
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                // DEGRADED (a processor stalled or in error) still serves, as UP does
                if (answer.statusCode() == 200
                        && (answer.body().contains("\"UP\"") || answer.body().contains("\"DEGRADED\""))) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the port opens late in the start
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(
                "the application was not healthy within " + HEALTHY_WITHIN + "; its log: " + log + "\n" + tail(log));
    }

    static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
