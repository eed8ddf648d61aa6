package io.sourced.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

class StoreFailuresTest {

    @Test
    void unavailable_connectionLostUnderAxonsWrapping_isTransient() {
        SQLException ioError = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertThat(StoreFailures.unavailable(
                        new CommandExecutionException("failed", new EventStoreException("append", ioError))))
                .isTrue();
    }

    @Test
    void unavailable_databaseShuttingDownOrPoolExhausted_isTransient() {
        assertThat(StoreFailures.unavailable(
                        new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
        assertThat(StoreFailures.unavailable(new SQLTransientConnectionException("Connection is not available")))
                .isTrue();
        assertThat(StoreFailures.unavailable(new CannotCreateTransactionException("no connection")))
                .isTrue();
        assertThat(StoreFailures.unavailable(new IllegalStateException(
                        "Failed to create a SQL statement", new SQLException("Connection is closed"))))
                .as("HikariCP's closed connection")
                .isTrue();
    }

    @Test
    void unavailable_constraintOrBusinessFailure_isNot() {
        assertThat(StoreFailures.unavailable(new DataIntegrityViolationException(
                        "duplicate key", new SQLException("duplicate key value violates unique constraint", "23505"))))
                .isFalse();
        assertThat(StoreFailures.unavailable(new IllegalStateException("out of stock")))
                .isFalse();
        assertThat(StoreFailures.unavailable(null)).isFalse();
    }
}
