package io.sourced.api.operations;

import org.axonframework.commandhandling.RoutingKey;

/**
 * Rebuild a processor's views from the first event; answered with a {@link ReplayOutcome}. Routed by the
 * processor's name: no aggregate is involved, and replays of one processor go to one process.
 */
public record ReplayProcessorCommand(@RoutingKey String processor) {}
