package io.sourced.api.consumers;

/** One consumer, or none. */
public record FindConsumerQuery(ConsumerId consumerId) {}
