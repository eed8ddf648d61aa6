package io.sourced.api.ordering;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies one return of an order's units; a UUID in its canonical text form. */
public record ReturnId(@JsonValue String value) {

    public ReturnId {
        Objects.requireNonNull(value, "returnId is required");
        try {
            value = UUID.fromString(value.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("returnId must be a UUID: " + value);
        }
    }

    @JsonCreator
    public static ReturnId of(String value) {
        return new ReturnId(value);
    }

    public static ReturnId random() {
        return new ReturnId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
