package io.sourced.query.log.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

/** One field of an aggregate's state that an event changed. */
@Schema(name = "FieldChange")
public record FieldChange(
        @Schema(
                description = "its path in the state: names joined by dots, list items by [index]",
                example = "lines[0].unitPrice")
        String field,

        @Schema(description = "its value before the event; null when the field was added")
        JsonNode before,

        @Schema(description = "its value after the event; null when the field was removed")
        JsonNode after) {}
