package io.sourced.api.consumers;

/** Every registered consumer, by name, with its position and reading figures. */
public record FindConsumersQuery() {}
