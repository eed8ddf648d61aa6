package io.sourced.query.log.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * JSON Schemas (draft 2020-12) of event payloads, which are records: each component, in declaration order, is
 * a required property (null too where it is marked nullable), and nothing else is allowed. It knows the types our events use; any other type fails
 * loudly, so that a new kind of field is described on purpose rather than guessed.
 */
final class JsonSchemas {

    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private JsonSchemas() {}

    static ObjectNode of(Class<?> payloadType) {
        ObjectNode schema = JSON.objectNode().put("$schema", DIALECT);
        schema.setAll(objectSchema(payloadType));
        return schema;
    }

    private static ObjectNode objectSchema(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record: payloads are records");
        }
        ObjectNode schema = JSON.objectNode().put("title", type.getSimpleName()).put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        for (RecordComponent component : type.getRecordComponents()) {
            ObjectNode property = schemaOf(component.getGenericType(), type, component.getName());
            properties.set(component.getName(), nullable(component) ? orNull(property) : property);
            required.add(component.getName());
        }
        return schema.put("additionalProperties", false);
    }

    private static ObjectNode schemaOf(Type type, Class<?> owner, String component) {
        if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
            ObjectNode array = JSON.objectNode().put("type", "array");
            array.set("items", schemaOf(generic.getActualTypeArguments()[0], owner, component));
            return array;
        }
        if (!(type instanceof Class<?> plain)) {
            throw unsupported(type, owner, component);
        }
        if (plain == String.class) {
            return typed("string");
        }
        if (plain == int.class || plain == Integer.class || plain == long.class || plain == Long.class) {
            return typed("integer");
        }
        if (plain == boolean.class || plain == Boolean.class) {
            return typed("boolean");
        }
        if (plain == BigDecimal.class) {
            return typed("number");
        }
        if (plain == Instant.class) {
            return typed("string").put("format", "date-time");
        }
        if (plain == Duration.class) {
            return typed("string").put("format", "duration");
        }
        if (plain.isEnum()) {
            ObjectNode schema = typed("string");
            ArrayNode values = schema.putArray("enum");
            for (Object constant : plain.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return schema;
        }
        if (isTypedId(plain)) {
            return typed("string").put("format", "uuid");
        }
        if (plain.isRecord()) {
            return objectSchema(plain);
        }
        throw unsupported(type, owner, component);
    }

    private static ObjectNode orNull(ObjectNode property) {
        ObjectNode either = JSON.objectNode();
        either.putArray("type").add(property.remove("type").asText()).add("null");
        return either.setAll(property);
    }

    /** A component marked {@code @Schema(nullable = true)}: present, and maybe null. */
    private static boolean nullable(RecordComponent component) {
        Schema schema = component.getAccessor().getAnnotation(Schema.class);
        return schema != null && schema.nullable();
    }

    /** OrderId, ProductId, CustomerId: a record of one String written as the bare value, a UUID. */
    private static boolean isTypedId(Class<?> type) {
        if (!type.isRecord() || type.getRecordComponents().length != 1) {
            return false;
        }
        RecordComponent value = type.getRecordComponents()[0];
        return value.getType() == String.class && value.getAccessor().isAnnotationPresent(JsonValue.class);
    }

    private static ObjectNode typed(String jsonType) {
        return JSON.objectNode().put("type", jsonType);
    }

    private static IllegalArgumentException unsupported(Type type, Class<?> owner, String component) {
        return new IllegalArgumentException("No JSON Schema for " + type.getTypeName() + " (" + owner.getSimpleName()
                + "." + component + "): teach JsonSchemas this type");
    }
}
