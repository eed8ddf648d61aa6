package io.sourced.query.log.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two states of an aggregate, field by field: each value that is not an object or a list with
 * something in it, named by its path ({@code lines[0].unitPrice}). A field only in the state after was added, one
 * only in the state before was removed.
 */
final class Changes {

    private Changes() {}

    /** {@code before} or {@code after} null: no state (yet, or any more). */
    static List<FieldChange> between(JsonNode before, JsonNode after) {
        Map<String, JsonNode> was = fields(before);
        Map<String, JsonNode> is = fields(after);
        List<FieldChange> changes = new ArrayList<>();
        is.forEach((field, value) -> {
            JsonNode old = was.get(field);
            if (!value.equals(old)) {
                changes.add(new FieldChange(field, old, value));
            }
        });
        was.forEach((field, value) -> {
            if (!is.containsKey(field)) {
                changes.add(new FieldChange(field, value, null));
            }
        });
        return changes;
    }

    /** Every field of the state by its path, in the state's order; none for no state. */
    static Map<String, JsonNode> fields(JsonNode state) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (state != null && !state.isNull()) {
            collect("", state, fields);
        }
        return fields;
    }

    private static void collect(String path, JsonNode node, Map<String, JsonNode> fields) {
        if (node.isObject() && !node.isEmpty()) {
            node.fields()
                    .forEachRemaining(field -> collect(
                            path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), fields));
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "[" + i + "]", node.get(i), fields);
            }
        } else {
            fields.put(path, node.isMissingNode() ? NullNode.getInstance() : node);
        }
    }
}
