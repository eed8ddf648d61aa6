package io.sourced.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What PostgreSQL itself counted for the application's database: transactions committed ({@code pg_stat_database})
 * and statements run ({@code pg_stat_statements}, where the server preloads it; -1 otherwise). The runner's own
 * connections keep one transaction open while they watch, so they add almost nothing to either.
 */
record DatabaseWork(long commits, long statements) {

    static final DatabaseWork NONE = new DatabaseWork(-1, -1);

    /** The counts now; {@link #NONE} on a database other than PostgreSQL. */
    static DatabaseWork of(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            if (!connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                return NONE;
            }
            // the statistics of other backends as they are now, not as first read in this transaction
            statement.execute("SELECT pg_stat_clear_snapshot()");
            long commits;
            try (ResultSet row = statement.executeQuery(
                    "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
                row.next();
                commits = row.getLong(1);
            }
            return new DatabaseWork(commits, statements(connection));
        } catch (SQLException e) {
            return NONE;
        }
    }

    private static long statements(Connection connection) {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT sum(calls) FROM pg_stat_statements s"
                        + " JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = current_database()")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException unavailable) {
            rollbackQuietly(connection);
            return -1;
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the next statement says what is wrong
        }
    }

    /** What happened between {@code before} and this, per order; -1 where it is not known. */
    double commitsPer(DatabaseWork before, int orders) {
        return commits < 0 || before.commits < 0 || orders == 0 ? -1 : (commits - before.commits) / (double) orders;
    }

    double statementsPer(DatabaseWork before, int orders) {
        return statements < 0 || before.statements < 0 || orders == 0
                ? -1
                : (statements - before.statements) / (double) orders;
    }
}
