package io.sourced.api.idempotency;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/**
 * Names one operation on an account's funds or a product's stock, made before its command is first sent: the command
 * may be sent again when its outcome is unknown, and its aggregate applies one operation once. A UUID in its
 * canonical text form.
 */
public record OperationId(@JsonValue String value) {

    public OperationId {
        Objects.requireNonNull(value, "operationId is required");
        try {
            value = UUID.fromString(value.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("operationId must be a UUID: " + value);
        }
    }

    @JsonCreator
    public static OperationId of(String value) {
        return new OperationId(value);
    }

    public static OperationId random() {
        return new OperationId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
