package io.sourced.api.operations;

/** {@code HELD_ELSEWHERE}: another replica kept some of the processor's segments, so its tokens could not be reset. */
public enum ReplayOutcome {
    STARTED,
    UNKNOWN,
    NOT_REPLAYABLE,
    HELD_ELSEWHERE
}
