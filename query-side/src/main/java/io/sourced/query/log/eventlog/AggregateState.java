package io.sourced.query.log.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** An aggregate's state after one of its events: the version, the event, the state, and the fields it changed. */
@Schema(name = "AggregateState")
public record AggregateState(
        @Schema(description = "the event's sequence number in its aggregate's history, from 0")
        long version,

        StateEvent event,

        @Schema(
                type = "object",
                description = "the aggregate's state after the event, as its view (Order, Product or Customer) "
                        + "shows it; null while the event made no view yet")
        JsonNode state,

        @ArraySchema(schema = @Schema(implementation = FieldChange.class))
        List<FieldChange> changes) {}
