package io.sourced.command.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * The SHA-256 of a request in a canonical form: its fields by name, its numbers without trailing zeros, so that two
 * spellings of one request ({@code 10} and {@code 10.00}, fields in another order) hash alike.
 */
final class CanonicalHash {

    private static final JsonNodeFactory EXACT = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper JSON =
            JsonMapper.builder().nodeFactory(EXACT).build();

    private CanonicalHash() {}

    static String of(String action, Object request) {
        try {
            return sha256(action + "\n" + JSON.writeValueAsString(canonical(JSON.valueToTree(request))));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Unwritable request " + request.getClass().getSimpleName(), e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            node.fields().forEachRemaining(field -> fields.put(field.getKey(), canonical(field.getValue())));
            ObjectNode sorted = EXACT.objectNode();
            fields.forEach(sorted::set);
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode items = EXACT.arrayNode();
            node.forEach(item -> items.add(canonical(item)));
            return items;
        }
        if (node.isNumber()) {
            return EXACT.numberNode(node.decimalValue().stripTrailingZeros());
        }
        return node;
    }
}
