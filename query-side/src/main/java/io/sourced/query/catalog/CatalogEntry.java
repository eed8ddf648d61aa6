package io.sourced.query.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.Revision;

/**
 * One event type of the catalog: its simple name, its current {@code @Revision} (null when it has none) and
 * the JSON Schema of its payload.
 */
record CatalogEntry(String type, String revision, JsonNode schema) {

    static CatalogEntry of(Class<?> eventType) {
        Revision revision = eventType.getAnnotation(Revision.class);
        return new CatalogEntry(eventType.getSimpleName(), revision == null ? null : revision.value(),
                JsonSchemas.of(eventType));
    }

    CatalogEntry copy() {
        return new CatalogEntry(type, revision, schema.deepCopy());
    }
}
