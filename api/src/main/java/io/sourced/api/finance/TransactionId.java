package io.sourced.api.finance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.sourced.api.idempotency.OperationId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Names one entry of an account's ledger: the operation of the event that made it, or, for an event recorded without
 * one (an account's first deposit, payments, refunds), a UUID made from the event's id. Both are read from the event,
 * so a rebuilt ledger gives every entry the id it had, and a deposit sent again with its operation keeps its id.
 */
public record TransactionId(@JsonValue String value) {

    public TransactionId {
        Objects.requireNonNull(value, "transactionId is required");
        try {
            value = UUID.fromString(value.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("transactionId must be a UUID: " + value);
        }
    }

    @JsonCreator
    public static TransactionId of(String value) {
        return new TransactionId(value);
    }

    /** The id of the entry an event made: its operation's, else one made from the event's id. */
    public static TransactionId of(OperationId operation, String eventId) {
        return operation != null
                ? new TransactionId(operation.value())
                : new TransactionId(UUID.nameUUIDFromBytes(eventId.getBytes(StandardCharsets.UTF_8))
                        .toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
