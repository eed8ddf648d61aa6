package io.sourced.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generated hostile requests (a seeded {@link Random}) for every operation of the OpenAPI document, as admin, as
 * two customers and as a consumer of the feed (bearer token): each request carries at least one defect the server must refuse (malformed or truncated JSON, a
 * wrong type, an unknown field, a duplicate key, a huge number or string, a body over the size limit, odd Unicode,
 * an id that is no UUID, unknown, or another customer's). Never a 5xx; every refusal of the API is a problem detail
 * without a stack trace, a class name or SQL; the event log is unchanged around every operation's batch.
 */
abstract class FuzzScenarios extends ApplicationScenarios {

    private static final Logger log = LoggerFactory.getLogger(FuzzScenarios.class);

    static final long SEED = Long.getLong("sourced.fuzz.seed", 20261126L);
    static final int PER_OPERATION_AND_CALLER = Integer.getInteger("sourced.fuzz.requests", 20);
    private static final int MAX_BODY = 64 * 1024;
    private static final Pattern LEAK = Pattern.compile(
            "(?i)exception|\\bat (io|org|java|jdk|com)\\.|java\\.|org\\.springframework|org\\.axonframework|io\\.sourced\\."
                    + "|\\bselect\\b.*\\bfrom\\b|\\binsert into\\b|\\bupdate\\b.*\\bset\\b|jdbc|sqlstate|\\bh2\\b|postgres");
    private static final String[] ODD = {
        "\u0000",
        "\\u0000",
        "\\ud800",
        "\\udfff",
        "\u202eevil",
        "\ud83d\ude00",
        "\u200b",
        "\ufeff",
        "e\u0301",
        "\ud83c\udff3\ufe0f\u200d\ud83c\udf08",
        "\u0661\u0662",
        "\uffff"
    };

    private final Random random = new Random(SEED);
    private Http http;
    private final Map<String, String> authorization = new LinkedHashMap<>();
    private final Map<String, String> customerOf = new LinkedHashMap<>();
    private final Map<String, String> orderOf = new LinkedHashMap<>();
    private final Map<String, String> depositOf = new LinkedHashMap<>();
    private String product;
    private JsonNode openApi;

    record Operation(String method, String path, JsonNode spec) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    void callers() {
        http = new Http(admin.baseUrl, false);
        product = admin.registerProduct("Fuzz kettle " + UUID.randomUUID(), "3.00", 1000);
        authorization.put("admin", Http.basic("admin", "admin"));
        for (String who : List.of("A", "B")) {
            String username = "fuzz-" + who.toLowerCase() + "-"
                    + UUID.randomUUID().toString().substring(0, 8);
            Api.Answer opened = admin.post(
                    "/api/customers",
                    Map.of(
                            "name",
                            username,
                            "initialDeposit",
                            100,
                            "username",
                            username,
                            "password",
                            "pw-" + username));
            assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
            authorization.put(who, Http.basic(username, "pw-" + username));
            customerOf.put(who, opened.id("customerId"));
            String order = admin.placeOrder(opened.id("customerId"), Map.of(product, 1))
                    .id("orderId");
            admin.awaitTerminal(order);
            orderOf.put(who, order);
            depositOf.put(who, admin.depositOf(opened.id("customerId"), "1.00"));
        }
        customerOf.put("admin", customerOf.get("A"));
        orderOf.put("admin", orderOf.get("A"));
        depositOf.put("admin", depositOf.get("A"));
        // a consumer of the feed, with its bearer token: the feed's parameters fuzzed, every other operation refused
        Api.Answer consumer = admin.post(
                "/api/consumers",
                Map.of("name", "fuzz-" + UUID.randomUUID(), "eventTypes", List.of("OrderPlacedEvent")));
        assertThat(consumer.status()).as(consumer.raw()).isEqualTo(201);
        authorization.put("consumer", "Bearer " + consumer.body().path("token").asText());
        customerOf.put("consumer", customerOf.get("A"));
        orderOf.put("consumer", orderOf.get("A"));
        depositOf.put("consumer", depositOf.get("A"));
        openApi = admin.get("/v3/api-docs").body();
    }

    @Test
    void hostileRequests_toEveryOperation_areRefusedWithAProblem_andStoreNoEvent() {
        List<Operation> operations = operations();
        assertThat(operations).hasSizeGreaterThan(20);
        Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int total = 0;
        for (Operation operation : operations) {
            Map<Integer, Integer> seen = statuses.computeIfAbsent(operation.toString(), key -> new TreeMap<>());
            instance.awaitQuiet();
            long before = instance.eventCount();
            for (String who : authorization.keySet()) {
                for (int i = 0; i < PER_OPERATION_AND_CALLER; i++) {
                    Hostile request = hostile(operation, who);
                    Http.Reply reply = send(operation, who, request);
                    total++;
                    seen.merge(reply.status(), 1, Integer::sum);
                    String problem = check(operation, request, reply);
                    if (problem != null && failures.size() < 50) {
                        failures.add(who + " " + operation.method() + " " + shorten(request.path()) + " ["
                                + request.defect()
                                + "] "
                                + shorten(new String(
                                        request.body() == null ? new byte[0] : request.body(), StandardCharsets.UTF_8))
                                + " → " + reply.status() + " " + shorten(reply.body()) + ": " + problem);
                    }
                }
            }
            long after = instance.eventCount();
            if (after != before) {
                failures.add(
                        operation + ": the event log grew by " + (after - before) + " events from refused requests");
            }
        }
        log.info("Fuzz (seed {}): {} requests to {} operations", SEED, total, operations.size());
        statuses.forEach((operation, byStatus) -> log.info("  {} {}", operation, byStatus));
        assertThat(failures).as("hostile requests answered wrongly").isEmpty();
        assertThat(total)
                .as("requests on this database (several thousand across H2 and PostgreSQL)")
                .isGreaterThanOrEqualTo(1500);
    }

    @Test
    void bodiesOverTheLimit_chunkedOrFormPosted_areRefusedWith413() throws Exception {
        instance.awaitQuiet();
        long before = instance.eventCount();
        byte[] big = ("{\"name\":\"" + "n".repeat(MAX_BODY + 10) + "\",\"price\":1,\"stock\":1}")
                .getBytes(StandardCharsets.UTF_8);
        java.net.http.HttpRequest chunked = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(admin.baseUrl + "/api/products"))
                .header("Authorization", authorization.get("admin"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big)))
                .build();
        java.net.http.HttpResponse<String> answer;
        try {
            answer = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1)
                    .build()
                    .send(chunked, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(413);
            assertThat(answer.headers().firstValue("Content-Type"))
                    .get()
                    .asString()
                    .startsWith("application/problem+json");
        } catch (java.io.IOException closedAfterTheRefusal) {
            // the server may close the connection under the rest of the upload once it has answered
        }
        Http.Reply form = http.send(
                "POST",
                "/login",
                null,
                "application/x-www-form-urlencoded",
                ("username=admin&password=" + "p".repeat(MAX_BODY)).getBytes(StandardCharsets.UTF_8),
                Map.of());
        assertThat(form.status()).isEqualTo(413);
        assertThat(form.contentType()).startsWith("application/problem+json");
        assertThat(instance.eventCount()).isEqualTo(before);
    }

    private static String check(Operation operation, Hostile request, Http.Reply reply) {
        if (reply.status() >= 500) {
            return "a server error";
        }
        if (reply.status() < 400 && !"GET".equals(operation.method())) {
            return "accepted";
        }
        if (reply.status() >= 400
                && operation.path().startsWith("/api/")
                && !reply.contentType().startsWith("application/problem+json")) {
            return "not a problem detail";
        }
        if (reply.status() >= 400 && LEAK.matcher(reply.body()).find()) {
            return "tells about the implementation";
        }
        return null;
    }

    private Http.Reply send(Operation operation, String who, Hostile request) {
        try {
            return http.send(
                    operation.method(),
                    request.path(),
                    authorization.get(who),
                    request.contentType(),
                    request.body(),
                    Map.of());
        } catch (IllegalStateException e) {
            // an oversized body may be cut off by the server after its 413: the connection closes under the upload
            if (request.body() != null && request.body().length > MAX_BODY) {
                return new Http.Reply(
                        413,
                        java.net.http.HttpHeaders.of(
                                Map.of("Content-Type", List.of("application/problem+json")), (a, b) -> true),
                        "");
            }
            throw e;
        }
    }

    // --- the operations ---

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        openApi.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
                    if (List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                        operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue()));
                    }
                }));
        return operations;
    }

    record Hostile(String defect, String path, String contentType, byte[] body) {}

    // --- the generator ---

    private Hostile hostile(Operation operation, String who) {
        JsonNode bodySchema = operation
                .spec()
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema");
        boolean hasBody = !bodySchema.isMissingNode();
        boolean hasPathId = operation.path().contains("{");
        int choice = random.nextInt(hasBody ? 14 : 4);
        if (!hasBody || choice < 3) {
            if (hasPathId || !hasBody) {
                String defect = hasPathId ? "path id" : "query";
                String path =
                        hasPathId ? fillPath(operation.path(), who, true) : fillPath(operation.path(), who, false);
                // a write says it is JSON, bodiless or not, as the API's clients do: the hostile part gets through
                String contentType = "GET".equals(operation.method()) ? null : "application/json";
                return new Hostile(defect, path + hostileQuery(operation), contentType, null);
            }
        }
        String path = fillPath(operation.path(), who, false);
        JsonNode body = plausible(bodySchema, who, "", 0);
        return switch (choice % 11) {
            case 0 ->
                new Hostile(
                        "malformed JSON",
                        path,
                        "application/json",
                        bytes(pick(
                                "{oops",
                                "[",
                                "{\"a\":}",
                                "nul",
                                "",
                                "{\"x\":1,}",
                                "{'single':1}",
                                "\u0000",
                                "{\"a\":1}{\"b\":2}",
                                "{\"name\":\"\\q\"}",
                                "{\"name\":\"\\ud800\"",
                                "[]",
                                "[1,2,3]",
                                "\"text\"",
                                "12",
                                "true",
                                "null")));
            case 1 -> {
                String json = body.toString();
                yield new Hostile(
                        "truncated JSON",
                        path,
                        "application/json",
                        bytes(json.substring(0, 1 + random.nextInt(Math.max(1, json.length() - 1)))));
            }
            case 2 ->
                new Hostile(
                        "wrong type",
                        path,
                        "application/json",
                        bytes(mutateLeaf(body, this::wrongType).toString()));
            case 3 -> {
                ObjectNode changed = objectOrWrap(body);
                changed.put("fuzz" + pick(ODD), pick(ODD));
                yield new Hostile("unknown field", path, "application/json", bytes(changed.toString()));
            }
            case 4 -> {
                ObjectNode object = objectOrWrap(body);
                Iterator<String> names = object.fieldNames();
                String name = names.hasNext() ? names.next() : "name";
                String json = object.toString();
                String duplicate = "{\"" + name + "\":" + object.path(name) + "," + json.substring(1);
                yield new Hostile("duplicate key", path, "application/json", bytes(duplicate));
            }
            case 5 ->
                new Hostile(
                        "huge number",
                        path,
                        "application/json",
                        bytes(mutateLeaf(
                                        body,
                                        leaf -> leaf.isNumber() || leaf.isNull()
                                                ? JsonNodeFactory.instance.rawValueNode(
                                                        new com.fasterxml.jackson.databind.util.RawValue(pick(
                                                                "1e400",
                                                                "-1e400",
                                                                "9223372036854775808",
                                                                "-9223372036854775809",
                                                                "1e-400",
                                                                "123456789012345678901234567890.123")))
                                                : JsonNodeFactory.instance.objectNode())
                                .toString()));
            case 6 ->
                new Hostile(
                        "huge string",
                        path,
                        "application/json",
                        bytes(mutateLeaf(
                                        body,
                                        leaf -> JsonNodeFactory.instance.textNode(
                                                ("x" + pick(ODD)).repeat(2000 + random.nextInt(8000))))
                                .toString()));
            case 7 -> {
                ObjectNode padded = objectOrWrap(body);
                padded.put("padding", "p".repeat(MAX_BODY + random.nextInt(4 * MAX_BODY)));
                yield new Hostile("over the size limit", path, "application/json", bytes(padded.toString()));
            }
            case 8 ->
                new Hostile(
                        "odd id",
                        path,
                        "application/json",
                        bytes(mutateId(body, who, null).toString()));
            case 9 ->
                new Hostile(
                        "wrong media type",
                        path,
                        pick(
                                "text/plain",
                                "application/xml",
                                "application/x-www-form-urlencoded",
                                "multipart/form-data; boundary=x"),
                        bytes(body.toString()));
            default ->
                new Hostile(
                        "odd Unicode in an id",
                        path,
                        "application/json",
                        bytes(mutateId(body, who, pick(ODD) + UUID.randomUUID()).toString()));
        };
    }

    /** The path with its ids: the caller's own when {@code hostileIds} is false, else ids that must not be found. */
    private String fillPath(String template, String who, boolean hostileIds) {
        StringBuilder path = new StringBuilder();
        var matcher = Pattern.compile("\\{([^}]+)}").matcher(template);
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = hostileIds ? hostileId(who, name) : ownId(who, name);
            matcher.appendReplacement(path, java.util.regex.Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private String ownId(String who, String name) {
        return switch (name) {
            case "customerId" -> customerOf.get(who);
            case "orderId", "aggregateId" -> orderOf.get(who);
            case "productId" -> product;
            case "transactionId" -> depositOf.get(who);
            default -> "fuzz-unknown";
        };
    }

    private String hostileId(String who, String name) {
        String other = "A".equals(who) ? "B" : "A";
        List<String> choices = new ArrayList<>(List.of(
                UUID.randomUUID().toString(),
                "not-a-uuid",
                "1e400",
                "9223372036854775808",
                "%E2%80%AE" + UUID.randomUUID(),
                "%F0%9F%98%80",
                "%20",
                "x".repeat(3000),
                UUID.randomUUID().toString().toUpperCase() + "0",
                "..%2F..%2Fetc",
                "%25",
                "null",
                "-1"));
        if (!"admin".equals(who)) {
            choices.add("customerId".equals(name) ? customerOf.get(other) : orderOf.get(other));
            choices.add(customerOf.get(other));
            choices.add(orderOf.get(other));
        }
        return choices.get(random.nextInt(choices.size()));
    }

    private String hostileQuery(Operation operation) {
        List<String> names = new ArrayList<>();
        operation.spec().path("parameters").forEach(parameter -> {
            if ("query".equals(parameter.path("in").asText())) {
                names.add(parameter.path("name").asText());
            }
        });
        names.add("asOf");
        StringBuilder query = new StringBuilder("?");
        for (String name : names) {
            if (random.nextBoolean()) {
                query.append(name)
                        .append('=')
                        .append(pick(
                                "not-a-value",
                                "-1",
                                "9223372036854775808",
                                "1e400",
                                "%E2%80%AE",
                                "%F0%9F%98%80",
                                "2026-13-45T99:99:99Z",
                                "+999999999-12-31T23:59:59Z",
                                "-999999999-01-01T00:00:00Z",
                                "0",
                                "99999999999",
                                "ACCEPTEDX",
                                "%20",
                                UUID.randomUUID().toString(),
                                "x".repeat(2000)))
                        .append('&');
            }
        }
        return query.length() == 1 ? "?asOf=garbage" : query.substring(0, query.length() - 1);
    }

    /** A body that would be valid, from the schema: the caller's own ids, small positive numbers, short names. */
    private JsonNode plausible(JsonNode schema, String who, String name, int depth) {
        JsonNode resolved = resolve(schema);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        String type = resolved.path("type").asText(resolved.has("properties") ? "object" : "string");
        switch (type) {
            case "object": {
                ObjectNode object = nodes.objectNode();
                if (depth < 4) {
                    resolved.path("properties")
                            .fields()
                            .forEachRemaining(property -> object.set(
                                    property.getKey(),
                                    plausible(property.getValue(), who, property.getKey(), depth + 1)));
                }
                return object;
            }
            case "array": {
                ArrayNode array = nodes.arrayNode();
                array.add(plausible(resolved.path("items"), who, name, depth + 1));
                return array;
            }
            case "integer":
                return nodes.numberNode(1);
            case "number":
                return nodes.numberNode(new java.math.BigDecimal("1.00"));
            case "boolean":
                return nodes.booleanNode(true);
            default:
                if (name.endsWith("Id")) {
                    return nodes.textNode(ownId(who, name));
                }
                if ("date-time".equals(resolved.path("format").asText())) {
                    return nodes.textNode(Instant.now().toString());
                }
                if ("date".equals(resolved.path("format").asText())) {
                    return nodes.textNode(LocalDate.now().toString());
                }
                if (resolved.has("enum")) {
                    return nodes.textNode(resolved.path("enum").get(0).asText());
                }
                return nodes.textNode("fuzz" + random.nextInt(1000));
        }
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.path("$ref").asText();
            current = openApi.at(ref.substring(1));
        }
        if (current.has("allOf") && current.path("allOf").size() == 1) {
            return resolve(current.path("allOf").get(0));
        }
        return current;
    }

    private JsonNode wrongType(JsonNode leaf) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (leaf.isNumber()) {
            return random.nextBoolean() ? nodes.textNode("abc" + pick(ODD)) : nodes.arrayNode();
        }
        if (leaf.isArray()) {
            return random.nextBoolean() ? nodes.textNode("x") : nodes.objectNode();
        }
        return random.nextBoolean() ? nodes.objectNode() : nodes.arrayNode().add(1);
    }

    /** Replaces one leaf (chosen at random) of a copy; a body without leaves becomes the replacement itself. */
    private JsonNode mutateLeaf(JsonNode body, Function<JsonNode, JsonNode> replace) {
        JsonNode copy = body.deepCopy();
        List<Map.Entry<JsonNode, String>> leaves = new ArrayList<>();
        collectLeaves(copy, leaves);
        if (leaves.isEmpty()) {
            return replace.apply(JsonNodeFactory.instance.nullNode());
        }
        Map.Entry<JsonNode, String> leaf = leaves.get(random.nextInt(leaves.size()));
        JsonNode parent = leaf.getKey();
        if (parent instanceof ObjectNode object) {
            object.set(leaf.getValue(), replace.apply(object.path(leaf.getValue())));
        } else if (parent instanceof ArrayNode array) {
            int index = Integer.parseInt(leaf.getValue());
            array.set(index, replace.apply(array.get(index)));
        }
        return copy;
    }

    /** One id of a copy made hostile ({@code value}, else one that must not be found); without ids, an unknown field. */
    private JsonNode mutateId(JsonNode body, String who, String value) {
        JsonNode copy = body.deepCopy();
        List<Map.Entry<JsonNode, String>> leaves = new ArrayList<>();
        collectLeaves(copy, leaves);
        List<Map.Entry<JsonNode, String>> ids = leaves.stream()
                .filter(leaf ->
                        leaf.getKey() instanceof ObjectNode && leaf.getValue().endsWith("Id"))
                .toList();
        if (ids.isEmpty()) {
            ObjectNode changed = objectOrWrap(body);
            changed.put("id" + pick(ODD), "not-a-uuid" + pick(ODD));
            return changed;
        }
        Map.Entry<JsonNode, String> id = ids.get(random.nextInt(ids.size()));
        if (value != null) {
            ((ObjectNode) id.getKey()).put(id.getValue(), value);
            return copy;
        }
        value = hostileId(who, id.getValue()).replace("%E2%80%AE", "\u202e").replace("%F0%9F%98%80", "\ud83d\ude00");
        if (value.equals(customerOf.get(who))
                || value.equals(orderOf.get(who))
                || ("admin".equals(who) && (customerOf.containsValue(value) || orderOf.containsValue(value)))) {
            value = UUID.randomUUID().toString();
        }
        ((ObjectNode) id.getKey()).put(id.getValue(), value);
        return copy;
    }

    private static void collectLeaves(JsonNode node, List<Map.Entry<JsonNode, String>> leaves) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> {
                if (field.getValue().isContainerNode()) {
                    collectLeaves(field.getValue(), leaves);
                } else {
                    leaves.add(Map.entry(object, field.getKey()));
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isContainerNode()) {
                    collectLeaves(array.get(i), leaves);
                } else {
                    leaves.add(Map.entry(array, Integer.toString(i)));
                }
            }
        }
    }

    private static ObjectNode objectOrWrap(JsonNode body) {
        if (body instanceof ObjectNode object) {
            return object.deepCopy();
        }
        ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
        wrapped.set("value", body);
        return wrapped;
    }

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String shorten(String text) {
        String line = text.replace('\n', ' ');
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
