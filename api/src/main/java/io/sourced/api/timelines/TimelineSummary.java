package io.sourced.api.timelines;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A timeline in the list: what was asked and how far it got, without its figures. */
public record TimelineSummary(
        String id,
        String name,
        TimelineStatus status,
        @Schema(description = "0 to 1") double progress,
        TimelineRules rules,
        Instant from,
        Instant to,
        Instant createdAt,

        @Schema(nullable = true, description = "why it failed, when FAILED")
        String failure) {}
