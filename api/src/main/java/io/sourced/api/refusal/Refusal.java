package io.sourced.api.refusal;

import java.util.Objects;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;

/**
 * Why the domain refused a command. It travels in the details of Axon's {@link CommandExecutionException}, so a
 * caller on any node reads it without knowing the command side's classes.
 *
 * @param kind   what sort of refusal, which decides the answer's status
 * @param field  the field of the request the refusal is about, or null
 * @param reason what is wrong, in words; with a field, it follows the field's name ("quantity must be positive")
 * @param retryAfterSeconds for {@link Kind#BUSY}, when the same command may be sent again; 0 otherwise
 */
public record Refusal(Kind kind, String field, String reason, long retryAfterSeconds) {

    public enum Kind {
        /** The command names something that does not exist, or that the sender may not know of. */
        NOT_FOUND,
        /** The command clashes with the current state, like cancelling an order that is no longer pending. */
        CONFLICT,
        /** The command carries a value no state could ever accept. */
        INVALID,
        /** The command is well formed, but a business rule refuses it, like a withdrawal beyond the balance. */
        UNPROCESSABLE,
        /** Nothing is wrong with the command, but there is more work in hand than can be done in time: later. */
        BUSY
    }

    public Refusal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must not be negative: " + retryAfterSeconds);
        }
    }

    public Refusal(Kind kind, String field, String reason) {
        this(kind, field, reason, 0);
    }

    public static Refusal notFound(String reason) {
        return new Refusal(Kind.NOT_FOUND, null, reason);
    }

    public static Refusal conflict(String reason) {
        return new Refusal(Kind.CONFLICT, null, reason);
    }

    public static Refusal invalid(String field, String rule) {
        return new Refusal(Kind.INVALID, field, rule);
    }

    public static Refusal unprocessable(String reason) {
        return new Refusal(Kind.UNPROCESSABLE, null, reason);
    }

    public static Refusal busy(String reason, long retryAfterSeconds) {
        return new Refusal(Kind.BUSY, null, reason, retryAfterSeconds);
    }

    /** The whole sentence: the field's name, if any, then the reason. */
    public String detail() {
        return field == null ? reason : field + " " + reason;
    }

    public boolean is(Kind kind) {
        return this.kind == kind;
    }

    /** The refusal a failure carries, however deep a gateway or a bus wrapped it. */
    public static Optional<Refusal> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CommandExecutionException executionFailure) {
                Optional<Refusal> refusal = executionFailure
                        .getDetails()
                        .filter(Refusal.class::isInstance)
                        .map(Refusal.class::cast);
                if (refusal.isPresent()) {
                    return refusal;
                }
            }
        }
        return Optional.empty();
    }
}
