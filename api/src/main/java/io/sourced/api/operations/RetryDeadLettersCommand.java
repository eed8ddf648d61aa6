package io.sourced.api.operations;

import org.axonframework.commandhandling.RoutingKey;

/**
 * Process a processor's dead letters again, once their cause is fixed; answered with a {@link RetryOutcome}, or
 * with none when the processor has no dead-letter queue. Routed by the processor's name, as a replay.
 */
public record RetryDeadLettersCommand(@RoutingKey String processor) {}
