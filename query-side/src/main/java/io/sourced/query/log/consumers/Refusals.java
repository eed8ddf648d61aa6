package io.sourced.query.log.consumers;

import io.sourced.api.refusal.Refusal;
import org.axonframework.commandhandling.CommandExecutionException;

/** A consumer command refused: the {@link Refusal} rides in the details, as the command side's refusals do. */
final class Refusals {

    private Refusals() {}

    static CommandExecutionException of(Refusal refusal) {
        return new CommandExecutionException(refusal.detail(), null, refusal);
    }

    static CommandExecutionException noConsumer(Object consumerId) {
        return of(Refusal.notFound("No consumer " + consumerId));
    }
}
