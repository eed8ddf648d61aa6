package io.sourced.api.timelines;

import org.axonframework.commandhandling.RoutingKey;

/** Delete a timeline, stopping it if it runs; answered whether there was one. */
public record DeleteTimelineCommand(@RoutingKey String timelineId) {}
