package io.sourced.api.timelines;

/** Where a timeline is: running (or waiting for a place), done with its figures, or failed with the reason. */
public enum TimelineStatus {
    RUNNING,
    DONE,
    FAILED
}
