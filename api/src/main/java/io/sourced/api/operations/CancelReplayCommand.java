package io.sourced.api.operations;

import org.axonframework.commandhandling.RoutingKey;

/** Cancel a rebuild of a processor's views under way; the live views stay. Answered with whether one was. */
public record CancelReplayCommand(@RoutingKey String processor) {}
