package io.sourced.command.idempotency;

import io.sourced.api.caller.Caller;
import io.sourced.api.idempotency.OperationId;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.refusal.Refusal;
import io.sourced.command.Refused;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@value #HEADER} rules of every command sent over the API. A key is scoped to its caller and to the customer or
 * product the request acts on (an admin's key for one customer is not its key for another). Within the retention
 * after its first use, the same key with the same request (compared by {@link CanonicalHash}) names the same
 * operation, which is not applied again; with another request it is refused ({@code 422}). A request the domain
 * refuses frees its key; one whose outcome is unknown keeps it. Kept in a table, so that replicas on one database share the keys; expired keys are
 * deleted whenever a key is used.
 */
@Component
@EnableConfigurationProperties(IdempotencySettings.class)
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";

    public static final String HEADER_DESCRIPTION = "Optional, 1 to 100 characters. The same key from the same caller"
            + " for the same customer or product, with the same request, within the keys' retention (24 h by default),"
            + " answers as the first request did and applies nothing again; another request under it is 422.";

    private final JdbcTemplate jdbc;
    private final Duration retention;
    private final Clock clock;

    @Autowired
    IdempotencyKeys(JdbcTemplate jdbc, IdempotencySettings settings) {
        this(jdbc, settings.retention(), Clock.systemUTC());
    }

    IdempotencyKeys(JdbcTemplate jdbc, Duration retention, Clock clock) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * Sends a request's command once for its key.
     *
     * @param key     the request's {@value #HEADER}, or null: a new operation
     * @param caller  who sends the request
     * @param subject the customer or product the request acts on
     * @param action  what the request does, in a word ("deposit")
     * @param request the request as read, with what the caller may leave out filled in
     * @param send    sends the operation's command and waits for its answer
     * @return the operation, the first one under this key
     */
    public OperationId once(
            String key, Caller caller, Object subject, String action, Object request, Consumer<OperationId> send) {
        if (key == null) {
            OperationId operation = OperationId.random();
            send.accept(operation);
            return operation;
        }
        if (!OrderId.isIdempotencyKey(key)) {
            throw Refused.invalid(HEADER, OrderId.IDEMPOTENCY_KEY_RULE);
        }
        String keyHash = CanonicalHash.sha256(caller.username() + "\n" + subject + "\n" + key);
        Use use = use(keyHash, CanonicalHash.of(action, request));
        if (use.answered()) {
            return use.operation();
        }
        try {
            send.accept(use.operation());
        } catch (RuntimeException failure) {
            if (refused(failure)) {
                free(keyHash, use.operation());
            }
            throw failure;
        }
        markAnswered(keyHash, use.operation());
        return use.operation();
    }

    /** Refused, nothing was applied; any other failure may have come after the commit. */
    private static boolean refused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof AggregateNotFoundException) {
                return true;
            }
        }
        return Refusal.of(failure).isPresent();
    }

    private record Use(OperationId operation, String requestHash, boolean answered) {}

    private Use use(String keyHash, String requestHash) {
        jdbc.update(
                "DELETE FROM idempotency_key WHERE created_at < ?",
                Timestamp.from(clock.instant().minus(retention)));
        OperationId fresh = OperationId.random();
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                jdbc.update(
                        "INSERT INTO idempotency_key (key_hash, request_hash, operation_id, answered, created_at)"
                                + " VALUES (?, ?, ?, FALSE, ?)",
                        keyHash,
                        requestHash,
                        fresh.value(),
                        Timestamp.from(clock.instant()));
                return new Use(fresh, requestHash, false);
            } catch (DuplicateKeyException taken) {
                List<Use> first = jdbc.query(
                        "SELECT operation_id, request_hash, answered FROM idempotency_key WHERE key_hash = ?",
                        (row, n) -> new Use(
                                OperationId.of(row.getString("operation_id")),
                                row.getString("request_hash"),
                                row.getBoolean("answered")),
                        keyHash);
                if (!first.isEmpty()) {
                    if (!first.get(0).requestHash().equals(requestHash)) {
                        throw Refused.unprocessable(HEADER + " was used for another request");
                    }
                    return first.get(0);
                }
                // the first use was refused in between, which frees the key
            }
        }
        throw Refused.conflict(HEADER + " is being used by other requests at this moment");
    }

    /** Not freed (the database away a moment), a repeat sends the same operation again, refused again or applied once. */
    private void free(String keyHash, OperationId operation) {
        try {
            jdbc.update(
                    "DELETE FROM idempotency_key WHERE key_hash = ? AND operation_id = ? AND answered = FALSE",
                    keyHash,
                    operation.value());
        } catch (DataAccessException notFreed) {
            // the refusal is the answer
        }
    }

    /**
     * Answered, a repeat is answered here without asking the aggregate, whose memory of operations is bounded. Not
     * recorded (the database away a moment), a repeat sends the command again, which its aggregate answers.
     */
    private void markAnswered(String keyHash, OperationId operation) {
        try {
            jdbc.update(
                    "UPDATE idempotency_key SET answered = TRUE WHERE key_hash = ? AND operation_id = ?",
                    keyHash,
                    operation.value());
        } catch (DataAccessException notRecorded) {
            // the operation was applied; its answer stands
        }
    }
}
