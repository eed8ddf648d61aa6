package io.sourced.query.log.eventlog;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** The event that made a version of an aggregate's state, as the audit trail shows it. */
@Schema(name = "StateEvent")
public record StateEvent(
        String eventId,
        @Schema(example = "OrderAcceptedEvent") String type,

        @Schema(description = "the payload type's current revision", example = "1")
        String revision,

        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant timestamp,

        @Schema(type = "object", description = "the event's fields")
        JsonNode payload,

        @Schema(
                type = "object",
                description = "at least traceId, correlationId and the username that caused it; stored with traces on, "
                        + "traceparent (W3C)")
        JsonNode metadata) {

    static StateEvent of(Event event) {
        return new StateEvent(
                event.eventId(), event.type(), event.revision(), event.timestamp(), event.payload(), event.metadata());
    }
}
