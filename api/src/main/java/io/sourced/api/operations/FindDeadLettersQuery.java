package io.sourced.api.operations;

/** The events the processors parked, with their error; ask for a list of {@link DeadLetterView}. */
public record FindDeadLettersQuery() {}
