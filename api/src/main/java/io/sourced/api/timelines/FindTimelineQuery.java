package io.sourced.api.timelines;

/** One timeline, an optional {@link TimelineView}: with its figures once it is done. */
public record FindTimelineQuery(String timelineId) {}
