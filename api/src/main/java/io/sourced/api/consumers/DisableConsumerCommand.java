package io.sourced.api.consumers;

import org.axonframework.commandhandling.RoutingKey;

/** Refuse a consumer's token until it is enabled again; its grants and position are kept. */
public record DisableConsumerCommand(@RoutingKey ConsumerId consumerId) {}
