package io.sourced.api.operations;

/** How many parked sequences a retry processed, and how many dead letters still fail. */
public record RetryOutcome(String processor, int retriedSequences, long remainingDeadLetters) {}
