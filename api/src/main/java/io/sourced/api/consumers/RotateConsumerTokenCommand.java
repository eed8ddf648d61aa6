package io.sourced.api.consumers;

import org.axonframework.commandhandling.RoutingKey;

/** Give a consumer a new token; the one it had stops working at once. Answered with the new token. */
public record RotateConsumerTokenCommand(@RoutingKey ConsumerId consumerId) {}
