package io.sourced.api.timelines;

/** The timelines, newest first (the latest 200), as {@link TimelineSummary}s. */
public record FindTimelinesQuery() {}
