package io.sourced.api.consumers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a consumer of the event feed (another team's application); a UUID in its canonical text form. */
public record ConsumerId(@JsonValue String value) {

    public ConsumerId {
        Objects.requireNonNull(value, "consumerId is required");
        try {
            value = UUID.fromString(value.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("consumerId must be a UUID: " + value);
        }
    }

    @JsonCreator
    public static ConsumerId of(String value) {
        return new ConsumerId(value);
    }

    public static ConsumerId random() {
        return new ConsumerId(UUID.randomUUID().toString());
    }

    /** Axon takes a routing key from toString(): keep it the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
