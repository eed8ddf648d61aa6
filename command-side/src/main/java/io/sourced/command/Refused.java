package io.sourced.command;

import io.sourced.api.refusal.Refusal;
import org.axonframework.commandhandling.CommandExecutionException;

/** A command the domain refuses: the {@link Refusal} rides in the details, which every command bus carries. */
public final class Refused extends CommandExecutionException {

    private Refused(Refusal refusal) {
        super(refusal.detail(), null, refusal);
    }

    public static Refused notFound(String reason) {
        return new Refused(Refusal.notFound(reason));
    }

    public static Refused conflict(String reason) {
        return new Refused(Refusal.conflict(reason));
    }

    public static Refused conflict(String field, String reason) {
        return new Refused(new Refusal(Refusal.Kind.CONFLICT, field, reason));
    }

    public static Refused invalid(String field, String rule) {
        return new Refused(Refusal.invalid(field, rule));
    }

    public static Refused unprocessable(String reason) {
        return new Refused(Refusal.unprocessable(reason));
    }

    public static Refused busy(String reason, long retryAfterSeconds) {
        return new Refused(Refusal.busy(reason, retryAfterSeconds));
    }
}
