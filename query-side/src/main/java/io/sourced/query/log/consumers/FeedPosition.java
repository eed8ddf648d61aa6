package io.sourced.query.log.consumers;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;

/** Where a consumer is in its feed, as it was given the position. */
record FeedPosition(
        @Schema(description = "a position the feed gave this consumer (an event's, or a Link's after=)") @NotBlank
        String position,

        @Schema(description = "when it was stored; ignored when sent", accessMode = Schema.AccessMode.READ_ONLY)
        Instant storedAt) {}
