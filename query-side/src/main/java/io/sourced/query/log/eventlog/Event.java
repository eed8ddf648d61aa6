package io.sourced.query.log.eventlog;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One event of the log as the REST API gives it away. {@code position} is its global log position: a consumer
 * resumes with {@code after=<last position seen>}. {@code aggregateType}, {@code aggregateId} and {@code sequence}
 * are null for an event no aggregate recorded.
 */
@Schema(name = "Event")
public record Event(
        @Schema(description = "global log position; resume the feed with after=<last position seen>")
        long position,

        String eventId,
        @Schema(example = "Order") String aggregateType,
        String aggregateId,

        @Schema(description = "the event's number in its aggregate's history, from 0")
        Long sequence,

        @Schema(example = "OrderPlacedEvent") String type,

        @Schema(description = "the payload type's current revision", example = "1")
        String revision,

        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant timestamp,

        @Schema(type = "object", description = "the event's fields")
        JsonNode payload,

        @Schema(
                type = "object",
                description = "at least traceId, correlationId and the username that caused it; stored with traces on, "
                        + "traceparent (W3C)")
        JsonNode metadata) {}
