package io.sourced.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What PostgreSQL itself counted for the application's database: transactions committed ({@code pg_stat_database}),
 * statements run per normalized statement ({@code pg_stat_statements}, where the server preloads it; it is shared by
 * every database of the server and never reset here: its entries of this database, by {@code queryid}, are compared
 * before and after), and tracking-token writes per processor (where {@link TokenWrites} counts them). The runner's
 * own connections keep one transaction open while they watch, so they add almost nothing to the commits; their
 * statements are marked and counted apart ({@link StatementKind#RUNNER}).
 *
 * @param commits     {@code xact_commit}; -1 where not known
 * @param statements  calls by {@code queryid}, with a text of each; null where not known
 * @param tokenWrites token writes by processor; null where not counted
 * @param evictions   {@code pg_stat_statements_info.dealloc}: entries evicted from the statistics; -1 where not known
 */
record DatabaseWork(long commits, Map<Long, Calls> statements, Map<String, Long> tokenWrites, long evictions) {

    static final DatabaseWork NONE = new DatabaseWork(-1, null, null, -1);

    /** One normalized statement: a text of it and how often it ran. */
    record Calls(String query, long calls) {}

    /** The counts now; {@link #NONE} on a database other than PostgreSQL. */
    static DatabaseWork of(Connection connection) {
        long commits;
        try (Statement statement = connection.createStatement()) {
            if (!connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                return NONE;
            }
            // the statistics of other backends as they are now, not as first read in this transaction
            statement.execute("SELECT " + StatementKind.RUNNER_MARK + " pg_stat_clear_snapshot()");
            try (ResultSet row = statement.executeQuery("SELECT " + StatementKind.RUNNER_MARK
                    + " xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
                row.next();
                commits = row.getLong(1);
            }
        } catch (SQLException e) {
            rollbackQuietly(connection);
            return NONE;
        }
        return new DatabaseWork(commits, statements(connection), tokenWrites(connection), evictions(connection));
    }

    private static Map<Long, Calls> statements(Connection connection) {
        Map<Long, Calls> calls = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT " + StatementKind.RUNNER_MARK
                        + " s.queryid, s.query, s.calls FROM pg_stat_statements s"
                        + " JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = current_database()")) {
            while (rows.next()) {
                // one queryid may have several entries (per user, top level or not): their calls add up
                calls.merge(
                        rows.getLong(1),
                        new Calls(rows.getString(2), rows.getLong(3)),
                        (a, b) -> new Calls(a.query(), a.calls() + b.calls()));
            }
            return calls;
        } catch (SQLException unavailable) {
            rollbackQuietly(connection);
            return null;
        }
    }

    private static Map<String, Long> tokenWrites(Connection connection) {
        try {
            return TokenWrites.read(connection);
        } catch (SQLException notCounted) {
            rollbackQuietly(connection);
            return null;
        }
    }

    private static long evictions(Connection connection) {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT " + StatementKind.RUNNER_MARK + " dealloc FROM pg_stat_statements_info")) {
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

    /** What happened between {@code before} and this, for the given number of orders. */
    Delta since(DatabaseWork before, int orders) {
        long commitsDone = commits < 0 || before.commits < 0 ? -1 : commits - before.commits;
        Map<StatementKind, Long> byKind = null;
        if (statements != null && before.statements != null) {
            byKind = new EnumMap<>(StatementKind.class);
            for (StatementKind kind : StatementKind.values()) {
                byKind.put(kind, 0L);
            }
            for (Map.Entry<Long, Calls> entry : statements.entrySet()) {
                Calls earlier = before.statements.get(entry.getKey());
                long calls = entry.getValue().calls() - (earlier == null ? 0 : earlier.calls());
                if (calls > 0) {
                    byKind.merge(StatementKind.of(entry.getValue().query()), calls, Long::sum);
                }
            }
        }
        Map<String, Long> writes = null;
        if (tokenWrites != null && before.tokenWrites != null) {
            writes = new TreeMap<>();
            for (Map.Entry<String, Long> entry : tokenWrites.entrySet()) {
                writes.put(entry.getKey(), entry.getValue() - before.tokenWrites.getOrDefault(entry.getKey(), 0L));
            }
        }
        boolean evicted = evictions >= 0 && before.evictions >= 0 && evictions != before.evictions;
        return new Delta(orders, commitsDone, byKind, writes, evicted);
    }

    /**
     * The database's work over a step: commits, statements by kind and token writes by processor (null where not
     * known), and whether pg_stat_statements evicted entries meanwhile (its counts are then too low).
     */
    record Delta(
            int orders,
            long commits,
            Map<StatementKind, Long> statements,
            Map<String, Long> tokenWrites,
            boolean evicted) {

        static final Delta NONE = new Delta(0, -1, null, null, false);

        double commitsPerOrder() {
            return commits < 0 || orders == 0 ? -1 : commits / (double) orders;
        }

        /** Every statement of the database, the runner's included (as this figure always counted). */
        double statementsPerOrder() {
            if (statements == null || orders == 0) {
                return -1;
            }
            return statements.values().stream().mapToLong(Long::longValue).sum() / (double) orders;
        }

        double statementsPerOrder(StatementKind kind) {
            return statements == null || orders == 0 ? -1 : statements.get(kind) / (double) orders;
        }

        /** The read side's transactions: the token writes of every processor but the saga's and the lookups'. */
        long readSideTransactions() {
            return tokenWrites == null
                    ? -1
                    : tokenWrites.entrySet().stream()
                            .filter(entry -> TokenWrites.readSide(entry.getKey()))
                            .mapToLong(Map.Entry::getValue)
                            .sum();
        }

        double readSideTransactionsPerOrder() {
            return tokenWrites == null || orders == 0 ? -1 : readSideTransactions() / (double) orders;
        }

        double tokenWritesPerOrder(String processor) {
            return tokenWrites == null || orders == 0 ? -1 : tokenWrites.getOrDefault(processor, 0L) / (double) orders;
        }

        /**
         * The read side's statements: its own (views, logs, lake, dead letters, journal, reports), and for each of
         * its transactions the {@code BEGIN} and the token {@code UPDATE} counted among transaction control and tokens.
         */
        double readSideStatementsPerOrder() {
            if (statements == null || tokenWrites == null || orders == 0) {
                return -1;
            }
            return (statements.get(StatementKind.READ_SIDE) + 2 * readSideTransactions()) / (double) orders;
        }
    }
}
