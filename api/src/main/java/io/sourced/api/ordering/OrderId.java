package io.sourced.api.ordering;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies an order; a UUID in its canonical text form. */
public record OrderId(@JsonValue String value) {

    public OrderId {
        Objects.requireNonNull(value, "orderId is required");
        try {
            value = UUID.fromString(value.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("orderId must be a UUID: " + value);
        }
    }

    @JsonCreator
    public static OrderId of(String value) {
        return new OrderId(value);
    }

    public static OrderId random() {
        return new OrderId(UUID.randomUUID().toString());
    }

    /** Axon takes an aggregate's identifier from toString(): keep it the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
