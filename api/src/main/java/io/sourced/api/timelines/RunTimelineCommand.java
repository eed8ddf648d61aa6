package io.sourced.api.timelines;

import java.time.Instant;
import org.axonframework.commandhandling.RoutingKey;

/**
 * Run a period of the log again under other rules, as {@code POST /api/timelines} does; answered once the timeline is
 * recorded and handed to its runner, refused (with the field at fault) for a request that is not valid.
 */
public record RunTimelineCommand(
        @RoutingKey String timelineId, String name, Instant from, Instant to, TimelineRules rules) {}
