package io.sourced.api.inventory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a product; a UUID in its canonical text form. */
public record ProductId(@JsonValue String value) {

    public ProductId {
        Objects.requireNonNull(value, "productId is required");
        try {
            value = UUID.fromString(value.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("productId must be a UUID: " + value);
        }
    }

    @JsonCreator
    public static ProductId of(String value) {
        return new ProductId(value);
    }

    public static ProductId random() {
        return new ProductId(UUID.randomUUID().toString());
    }

    /** Axon takes an aggregate's identifier from toString(): keep it the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
