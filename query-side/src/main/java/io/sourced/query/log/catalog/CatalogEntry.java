package io.sourced.query.log.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.serialization.Revision;

/** One event type of the catalog. */
public record CatalogEntry(
        @Schema(description = "The event's simple class name", example = "ProductRegisteredEvent")
        String type,

        @Schema(
                description = "Its current @Revision; stored events of older revisions are upcast on read",
                example = "2")
        String revision,

        @Schema(description = "The JSON Schema (draft 2020-12) of its payload", type = "object")
        JsonNode schema) {

    static CatalogEntry of(Class<?> eventType) {
        Revision revision = eventType.getAnnotation(Revision.class);
        return new CatalogEntry(
                eventType.getSimpleName(), revision == null ? null : revision.value(), JsonSchemas.of(eventType));
    }

    CatalogEntry copy() {
        return new CatalogEntry(type, revision, schema.deepCopy());
    }
}
