package io.sourced.api.operations;

/**
 * {@code HELD_ELSEWHERE}: another replica kept some of the processor's segments, so its tokens could not be reset;
 * {@code ALREADY_UNDER_WAY}: its views are being rebuilt already.
 */
public enum ReplayOutcome {
    STARTED,
    UNKNOWN,
    NOT_REPLAYABLE,
    HELD_ELSEWHERE,
    ALREADY_UNDER_WAY
}
