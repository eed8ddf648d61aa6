package io.sourced.query.log.consumers;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One event of the feed as a consumer is given it: the log's {@code Event} with an opaque position, and without the
 * aggregate's sequence number, whose steps would count the events of the aggregate the consumer is not granted.
 */
@Schema(name = "FeedEvent")
record FeedEvent(
        @Schema(description = "opaque position: resume with after=<it>, or Last-Event-ID on the stream")
        String position,

        String eventId,
        @Schema(example = "Order") String aggregateType,
        String aggregateId,
        @Schema(example = "OrderPlacedEvent") String type,

        @Schema(description = "the payload type's current revision", example = "1")
        String revision,

        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant timestamp,

        @Schema(type = "object", description = "the event's fields; personal ones only with personal data granted")
        JsonNode payload,

        @Schema(
                type = "object",
                description = "traceId and correlationId; the username that caused it only with personal data granted")
        JsonNode metadata) {}
