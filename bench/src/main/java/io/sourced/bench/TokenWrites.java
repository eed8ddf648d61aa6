package io.sourced.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Tracking-token writes counted per event processor in the application's PostgreSQL database. Every processor
 * stores its token once per transaction ({@code UPDATE TokenEntry SET token = ...}): its token writes are its
 * transactions. A trigger the runner installs on {@code tokenentry} (after the application created it, before the
 * load) counts them in a table of its own, one row per processor and segment (a segment's writer already holds
 * its token row, so the count adds no lock wait between segments). It adds one small upsert per token write, in
 * whichever jar is measured.
 */
final class TokenWrites {

    /** The processors that are not the read side: the order workflow's saga and the command side's lookups. */
    static final Set<String> NOT_READ_SIDE = Set.of("OrderFulfilmentSagaProcessor", "command-lookups");

    static final String TABLE = "sourced_bench_token_writes";

    private TokenWrites() {}

    static boolean readSide(String processor) {
        return !NOT_READ_SIDE.contains(processor);
    }

    /** Installs the counting table and trigger; the statements wait at most 30 s for the processors' token locks. */
    static void install(Store.Postgres store) throws SQLException {
        try (Connection connection = store.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = '30s'");
            statement.execute(StatementKind.RUNNER_MARK + " CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                    + " processorname VARCHAR(255) NOT NULL, segment INT NOT NULL, writes BIGINT NOT NULL,"
                    + " PRIMARY KEY (processorname, segment))");
            statement.execute(StatementKind.RUNNER_MARK + " CREATE OR REPLACE FUNCTION " + TABLE
                    + "_count() RETURNS trigger LANGUAGE plpgsql AS $$"
                    + " BEGIN"
                    + " INSERT INTO " + TABLE + " (processorname, segment, writes)"
                    + " VALUES (NEW.processorname, NEW.segment, 1)"
                    + " ON CONFLICT (processorname, segment) DO UPDATE SET writes = " + TABLE + ".writes + 1;"
                    + " RETURN NULL;"
                    + " END $$");
            statement.execute(StatementKind.RUNNER_MARK + " DROP TRIGGER IF EXISTS " + TABLE + " ON tokenentry");
            statement.execute(StatementKind.RUNNER_MARK + " CREATE TRIGGER " + TABLE
                    + " AFTER UPDATE OF token ON tokenentry" + " FOR EACH ROW EXECUTE FUNCTION " + TABLE + "_count()");
        }
    }

    /** The token writes counted so far, per processor (its segments summed). */
    static Map<String, Long> read(Connection connection) throws SQLException {
        Map<String, Long> writes = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT " + StatementKind.RUNNER_MARK
                        + " processorname, SUM(writes) FROM " + TABLE + " GROUP BY processorname")) {
            while (rows.next()) {
                writes.put(rows.getString(1), rows.getLong(2));
            }
        }
        return writes;
    }
}
