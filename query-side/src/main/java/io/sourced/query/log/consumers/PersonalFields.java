package io.sourced.query.log.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * What a consumer not granted personal data is not given: the fields of event payloads that name a person (a
 * customer's name), and of the metadata all but the trace and correlation ids (the username that caused the event
 * is a person's). A product's name names no one and stays.
 */
final class PersonalFields {

    /** The personal fields of each event type's payload; a test keeps them true to the event catalog. */
    static final Map<String, Set<String>> OF_PAYLOADS = Map.of("AccountOpenedEvent", Set.of("name"));

    /** The metadata every consumer is given; the rest only with personal data. */
    static final Set<String> IMPERSONAL_METADATA = Set.of("traceId", "correlationId");

    private PersonalFields() {}

    /** The payload without its personal fields (a copy; the one given is left alone). */
    static JsonNode payloadWithout(String type, JsonNode payload) {
        Set<String> personal = OF_PAYLOADS.getOrDefault(type, Set.of());
        if (personal.isEmpty() || !(payload instanceof ObjectNode object)) {
            return payload;
        }
        ObjectNode copy = object.deepCopy();
        copy.remove(personal);
        return copy;
    }

    static JsonNode metadataWithout(JsonNode metadata) {
        if (!(metadata instanceof ObjectNode object)) {
            return metadata;
        }
        ObjectNode kept = object.objectNode();
        IMPERSONAL_METADATA.forEach(key -> {
            if (object.has(key)) {
                kept.set(key, object.get(key));
            }
        });
        return kept;
    }

    /** A payload's JSON Schema without the personal fields, as a consumer not granted them receives the payloads. */
    static JsonNode schemaWithout(String type, JsonNode schema) {
        Set<String> personal = OF_PAYLOADS.getOrDefault(type, Set.of());
        if (personal.isEmpty() || !(schema instanceof ObjectNode object)) {
            return schema;
        }
        ObjectNode copy = object.deepCopy();
        if (copy.get("properties") instanceof ObjectNode properties) {
            properties.remove(personal);
        }
        if (copy.get("required") instanceof ArrayNode required) {
            for (int i = required.size() - 1; i >= 0; i--) {
                if (personal.contains(required.get(i).asText())) {
                    required.remove(i);
                }
            }
        }
        return copy;
    }
}
