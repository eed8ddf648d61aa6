package io.sourced.api.consumers;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A consumer as an administrator sees it. Positions here are the log's own (the consumer itself only ever sees opaque
 * ones); {@code lag} counts the events of its types after its stored position.
 */
@Schema(name = "Consumer")
public record ConsumerView(
        ConsumerId consumerId,
        String name,
        List<String> eventTypes,

        @Schema(description = "whether personal fields (names, usernames) are left in its payloads")
        boolean personalData,

        boolean enabled,
        Instant registeredAt,

        @Schema(description = "the log position it stored last; null before it stored one", nullable = true)
        Long position,

        @Schema(nullable = true) Instant positionStoredAt,

        @Schema(description = "events of its types after its stored position (all of them before it stored one)")
        long lag,

        @Schema(description = "when it last read the feed or its stream", nullable = true)
        Instant lastReadAt,

        @Schema(description = "events served to it in all") long eventsRead,

        @Schema(description = "events served to it a second over the last full minute")
        double eventsPerSecond) {

    public ConsumerView {
        eventTypes = List.copyOf(eventTypes);
    }
}
