package io.sourced.api.eventlog;

import java.util.List;

/** Versions of an aggregate's state, oldest first; none for an aggregate that has no event. */
public record StatePage(List<StateVersion> versions) {}
