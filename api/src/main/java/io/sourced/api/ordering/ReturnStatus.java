package io.sourced.api.ordering;

/** Where a return stands: asked and in its workflow, done, or given up. */
public enum ReturnStatus {
    REQUESTED,
    COMPLETED,
    FAILED
}
