package io.sourced.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/** Where the application keeps everything: how to start it on that store, and how the benchmark reads it. */
sealed interface Store {

    String kind();

    /** The application's arguments for this store, with the demo data on (the outside systems: {@link Partners}). */
    List<String> appArguments(Path lakeFolder);

    /**
     * A connection of the benchmark's own. To H2 while the application runs, through the server the application
     * started for the file; once it stopped, the benchmark opens the file itself.
     */
    Connection connect() throws SQLException;

    void drop() throws SQLException;

    /**
     * The embedded default: an H2 file. {@code AUTO_SERVER=TRUE} lets the benchmark read it while the application
     * has it open: the application keeps its embedded connections and serves other processes over TCP. (H2 refuses
     * it beside the default settings' {@code DB_CLOSE_ON_EXIT=FALSE}, which only matters at shutdown.)
     */
    record H2(Path folder) implements Store {

        String url() {
            return "jdbc:h2:file:" + folder.resolve("sourced").toAbsolutePath()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000"
                    + ";AUTO_SERVER=TRUE";
        }

        @Override
        public String kind() {
            return "H2";
        }

        @Override
        public List<String> appArguments(Path lakeFolder) {
            return List.of(
                    "--spring.datasource.url=" + url(),
                    "--sourced.lake.folder=" + lakeFolder,
                    "--sourced.demo.enabled=true");
        }

        @Override
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url(), "sa", "");
        }

        @Override
        public void drop() {
            // a temporary folder: Bench deletes its work folder at the end
        }
    }

    /** A database of its own on the PostgreSQL server, under the {@code postgres} profile. */
    record Postgres(PostgresServer server, String name) implements Store {

        @Override
        public String kind() {
            return "postgres";
        }

        @Override
        public List<String> appArguments(Path lakeFolder) {
            return List.of(
                    "--spring.profiles.active=postgres",
                    "--spring.datasource.url=" + server.url() + name,
                    "--spring.datasource.username=" + server.user(),
                    "--spring.datasource.password=",
                    "--sourced.lake.folder=" + lakeFolder,
                    "--sourced.demo.enabled=true");
        }

        @Override
        public Connection connect() throws SQLException {
            return server.connect(name);
        }

        @Override
        public void drop() throws SQLException {
            server.dropDatabase(name);
        }
    }
}
