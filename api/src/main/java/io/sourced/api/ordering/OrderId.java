package io.sourced.api.ordering;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
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

    /** What an idempotency key may be; any other key is refused rather than replaced. */
    public static final String IDEMPOTENCY_KEY_RULE = "must be 1 to 100 characters";

    public static boolean isIdempotencyKey(String key) {
        return key != null && !key.isBlank() && key.length() <= 100;
    }

    /**
     * The order a user's request names by its idempotency key: the same user and key name the same order, so a
     * request sent again places nothing new. Without a key, a new order.
     *
     * @throws IllegalArgumentException for a key that breaks {@link #IDEMPOTENCY_KEY_RULE}
     */
    public static OrderId forIdempotencyKey(String username, String key) {
        if (key == null) {
            return random();
        }
        if (!isIdempotencyKey(key)) {
            throw new IllegalArgumentException("The idempotency key " + IDEMPOTENCY_KEY_RULE);
        }
        return new OrderId(UUID.nameUUIDFromBytes((username + "\n" + key).getBytes(StandardCharsets.UTF_8))
                .toString());
    }

    /** Axon takes an aggregate's identifier from toString(): keep it the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
