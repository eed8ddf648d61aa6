package io.sourced.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** The PostgreSQL server the benchmark creates its databases on (user postgres, trust authentication). */
record PostgresServer(String url, String user) {

    static final String USER = "postgres";

    PostgresServer(String url) {
        this(url.endsWith("/") ? url : url + "/", USER);
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url + database, user, "");
    }

    /** A new, empty database named after its purpose. */
    Store.Postgres createDatabase(String purpose) throws SQLException {
        return createDatabase(purpose, null);
    }

    /** A new database holding a copy of another (which nobody may be connected to). */
    Store.Postgres copyDatabase(String purpose, Store.Postgres template) throws SQLException {
        return createDatabase(purpose, template.name());
    }

    void dropDatabase(String name) throws SQLException {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    void check() {
        try (Connection ignored = connect("postgres")) {
            // reachable
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "the benchmark needs PostgreSQL at " + url + " (user " + user + ", trust authentication): "
                            + e.getMessage(),
                    e);
        }
    }

    private Store.Postgres createDatabase(String purpose, String template) throws SQLException {
        String name = "sourced_bench_" + purpose + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        execute("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
        countStatements(name);
        return new Store.Postgres(this, name);
    }

    /** Where the server preloads pg_stat_statements, the database's statements are counted (see DatabaseWork). */
    private void countStatements(String database) {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        } catch (SQLException notPreloaded) {
            // the figure is then left out
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection admin = connect("postgres");
                Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }
}
