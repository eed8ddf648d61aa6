package io.sourced.api.finance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a customer and their account; a UUID in its canonical text form. */
public record CustomerId(@JsonValue String value) {

    public CustomerId {
        Objects.requireNonNull(value, "customerId is required");
        try {
            value = UUID.fromString(value.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("customerId must be a UUID: " + value);
        }
    }

    @JsonCreator
    public static CustomerId of(String value) {
        return new CustomerId(value);
    }

    public static CustomerId random() {
        return new CustomerId(UUID.randomUUID().toString());
    }

    /** Axon takes an aggregate's identifier from toString(): keep it the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
