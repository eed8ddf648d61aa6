package io.sourced.api.consumers;

import org.axonframework.commandhandling.RoutingKey;

/** Accept a disabled consumer's token again. */
public record EnableConsumerCommand(@RoutingKey ConsumerId consumerId) {}
