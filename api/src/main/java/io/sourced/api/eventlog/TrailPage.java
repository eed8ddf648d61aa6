package io.sourced.api.eventlog;

import java.util.List;

/**
 * Events of an aggregate's audit trail, oldest first, and the sequence number to ask {@code before} for the events
 * recorded before them; null when there are none.
 */
public record TrailPage(List<TrailEntry> entries, Long earlierBefore) {}
