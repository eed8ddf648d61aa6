package io.sourced.app.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * A fresh database for one test class: an H2 file under a temporary folder, or a new PostgreSQL database; with a
 * data-lake folder of its own (a temporary folder), so instances on one database share one lake.
 */
record Database(String kind, String postgresName, List<String> arguments) {

    static final String POSTGRES_HOST = System.getProperty("sourced.postgres.url", "jdbc:postgresql://127.0.0.1:5432/");
    static final String POSTGRES_USER = System.getProperty("sourced.postgres.user", "postgres");

    static Database h2() {
        try {
            Path folder = Files.createTempDirectory("sourced-it-");
            String url = "jdbc:h2:file:" + folder.resolve("sourced")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";
            return new Database(
                    "h2",
                    null,
                    List.of("--spring.datasource.url=" + url, "--sourced.lake.folder=" + folder.resolve("lake")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A new, empty PostgreSQL database. Without a server the suite is skipped, unless the build says
     * PostgreSQL is required (as .ci/run does): then a missing server fails it.
     */
    static Database postgres() {
        String name =
                "sourced_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(POSTGRES_HOST + "postgres", POSTGRES_USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            if (Boolean.getBoolean("sourced.postgres.required")) {
                throw new IllegalStateException("PostgreSQL is required but not reachable at " + POSTGRES_HOST, e);
            }
            assumeTrue(false, "PostgreSQL not reachable at " + POSTGRES_HOST + ": " + e.getMessage());
        }
        // the postgres profile knows no outside systems: the application's simulators stand in for them here (a
        // suite with its own stand-ins overrides sourced.crm.base-url and sourced.shipping.base-url)
        return new Database(
                "postgres",
                name,
                List.of(
                        "--spring.profiles.active=postgres",
                        "--sourced.lake.folder=" + temporaryFolder("sourced-it-lake-"),
                        "--spring.datasource.url=" + POSTGRES_HOST + name,
                        "--spring.datasource.username=" + POSTGRES_USER,
                        "--spring.datasource.password=",
                        "--sourced.simulators.enabled=true",
                        "--SOURCED_CRM_URL=http://localhost:${local.server.port}/sim/crm",
                        "--SOURCED_SHIPPING_URL=http://localhost:${local.server.port}/sim/shipping"));
    }

    /**
     * Restarts the PostgreSQL server under every database (fast shutdown: open connections are cut), with
     * {@code sourced.postgres.restart-command} or Debian's {@code pg_ctlcluster}. Where the server cannot be restarted
     * from here the calling test is skipped, unless PostgreSQL is required.
     */
    static void restartPostgres() {
        List<String> command = restartCommand();
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                cannotRestart(command, output, null);
            }
        } catch (java.io.IOException e) {
            cannotRestart(command, e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Not allowed or not there (another user's server, no Debian tools): a skip, unless PostgreSQL is required. */
    private static void cannotRestart(List<String> command, String why, Exception cause) {
        if (Boolean.getBoolean("sourced.postgres.required")) {
            throw new IllegalStateException("Cannot restart PostgreSQL with " + command + ": " + why, cause);
        }
        assumeTrue(false, "Cannot restart PostgreSQL with " + command + ": " + why);
    }

    private static List<String> restartCommand() {
        String configured = System.getProperty("sourced.postgres.restart-command", "");
        if (!configured.isBlank()) {
            return List.of("sh", "-c", configured);
        }
        String[] versions = Path.of("/etc/postgresql").toFile().list();
        String version = versions == null
                ? "15"
                : java.util.Arrays.stream(versions)
                        .max(java.util.Comparator.comparingInt(v -> v.matches("\\d+") ? Integer.parseInt(v) : 0))
                        .orElse("15");
        return List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart");
    }

    /** The data lake's folder of instances on this database. */
    Path lakeFolder() {
        return arguments.stream()
                .filter(argument -> argument.startsWith("--sourced.lake.folder="))
                .map(argument -> Path.of(argument.substring("--sourced.lake.folder=".length())))
                .findFirst()
                .orElseThrow();
    }

    private static Path temporaryFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops a PostgreSQL test database once the instances on it are closed; an H2 folder is left to the OS. */
    void drop() {
        if (postgresName == null) {
            return;
        }
        try (Connection admin = DriverManager.getConnection(POSTGRES_HOST + "postgres", POSTGRES_USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + postgresName + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test database " + postgresName, e);
        }
    }
}
