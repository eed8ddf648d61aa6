package io.sourced.app.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application as a process of its own (a JVM started from the built jar), as an operator runs a replica: on a
 * given database, with a name of its own; stopped gracefully (SIGTERM), killed (SIGKILL) or paused (SIGSTOP, SIGCONT). Its output goes to
 * {@code target/replicas/<database>-<name>.log}.
 */
final class ReplicaProcess implements AutoCloseable {

    private static final Path JAR = Path.of(System.getProperty("sourced.app.jar", "target/sourced.jar"));
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    final String name;
    private final Process process;
    private final Api anonymous;
    final Api admin;
    final Path log;

    private ReplicaProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.anonymous = new Api("http://localhost:" + port, null, null);
        this.admin = anonymous.as("admin", "admin");
        this.log = log;
    }

    /**
     * Starts without waiting; {@link #awaitHealthy()} waits. {@code moreArguments} replace the database's arguments of
     * the same name.
     */
    static ReplicaProcess start(Database database, String name, List<String> moreArguments) {
        return start(database, name, List.of("-Xmx384m"), moreArguments);
    }

    /** As above, with these JVM options instead of the usual heap. */
    static ReplicaProcess start(Database database, String name, List<String> jvmOptions, List<String> moreArguments) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(
                    "No application jar at " + JAR.toAbsolutePath() + ": run mvn package first");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-XX:+UseSerialGC", "-jar", JAR.toString()));
        database.arguments().stream()
                .filter(argument ->
                        moreArguments.stream().noneMatch(more -> name(more).equals(name(argument))))
                .forEach(command::add);
        command.addAll(List.of(
                "--server.port=" + port,
                "--sourced.demo.enabled=true",
                "--spring.main.banner-mode=off",
                "--sourced.replica.name=" + name));
        command.addAll(moreArguments);
        try {
            Path log = Files.createDirectories(Path.of("target", "replicas"))
                    .resolve(database.postgresName() + "-" + name + ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new ReplicaProcess(name, process, port, log);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start replica " + name, e);
        }
    }

    private static String name(String argument) {
        int equals = argument.indexOf('=');
        return equals < 0 ? argument : argument.substring(0, equals);
    }

    ReplicaProcess awaitHealthy() {
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Replica " + name + " exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
            }
            return healthy();
        });
        return this;
    }

    boolean healthy() {
        try {
            return anonymous.get("/actuator/health").status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** SIGKILL: no shutdown hook, no released claim, no last word. */
    void kill() {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    /** SIGSTOP: the process stands still as it is (threads, open transactions, connections) until {@link #resume}. */
    void pause() {
        signal("STOP");
    }

    /** SIGCONT: a paused process goes on where it stood. */
    void resume() {
        signal("CONT");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed: "
                        + new String(kill.getInputStream().readAllBytes()));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM, as an orchestrator stops a replica; answers the exit code. */
    int stop(Duration within) {
        process.destroy();
        return waitForExit(within);
    }

    boolean alive() {
        return process.isAlive();
    }

    private int waitForExit(Duration within) {
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("Replica " + name + " did not stop within " + within);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            waitForExit(Duration.ofSeconds(30));
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
