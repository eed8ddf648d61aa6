package io.sourced.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The database's own limit for replays: the whole event table read in global index order, a batch at a time from
 * the last index seen (a keyset scan), every column fetched as an event stream reads them.
 */
final class ScanLimit {

    static final int BATCH = 1000;

    private ScanLimit() {}

    /** Rows a second of one scan of the whole table. */
    static double rowsPerSecond(Connection connection) throws SQLException {
        long rows = 0;
        long last = -1;
        long started = System.nanoTime();
        try (PreparedStatement batch = connection.prepareStatement("SELECT globalindex, aggregateidentifier,"
                + " sequencenumber, type, eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp"
                + " FROM domainevententry WHERE globalindex > ? ORDER BY globalindex LIMIT " + BATCH)) {
            while (true) {
                batch.setLong(1, last);
                int read = 0;
                try (ResultSet result = batch.executeQuery()) {
                    while (result.next()) {
                        last = result.getLong(1);
                        result.getString(2);
                        result.getLong(3);
                        result.getString(4);
                        result.getString(5);
                        result.getBytes(6);
                        result.getBytes(7);
                        result.getString(8);
                        result.getString(9);
                        result.getString(10);
                        read++;
                    }
                }
                rows += read;
                if (read < BATCH) {
                    return rows / ((System.nanoTime() - started) / 1e9);
                }
            }
        }
    }
}
