package io.sourced.app.axon;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database that cannot be reached for a moment (restarting, failing over, out of connections) from every
 * other failure: what failed for that reason may be tried again, and the client is told to come back.
 */
public final class StoreFailures {

    private StoreFailures() {}

    public static boolean unavailable(Throwable failure) {
        return Causes.any(
                failure,
                cause -> cause instanceof CannotCreateTransactionException
                        || cause instanceof DataAccessResourceFailureException
                        || cause instanceof TransientDataAccessException
                        || cause instanceof SQLTransientException
                        || cause instanceof SQLRecoverableException
                        || (cause instanceof SQLException sql
                                && (unavailableState(sql.getSQLState()) || closedUnderfoot(sql))));
    }

    /** HikariCP's answer, without an SQL state, on a connection it closed as broken while a transaction still held it. */
    private static boolean closedUnderfoot(SQLException sql) {
        return sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage());
    }

    /** SQL states of class 08 (connection exception) and PostgreSQL's 57P01–57P03 (shutting down, starting up). */
    private static boolean unavailableState(String state) {
        return state != null
                && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }
}
