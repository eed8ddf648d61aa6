package io.sourced.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/** The REST API of docs/api.md as the demo's {@code admin} uses it (HTTP Basic on every request). */
final class SourcedApi {

    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final String authorization;
    private final HttpClient http;

    SourcedApi(URI base) {
        this.base = base;
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newCachedThreadPool(daemon()))
                .build();
    }

    HttpClient http() {
        return http;
    }

    String openCustomer(String name, BigDecimal initialDeposit) throws IOException, InterruptedException {
        return post("/api/customers", Map.of("name", name, "initialDeposit", initialDeposit))
                .get("customerId")
                .asText();
    }

    String registerProduct(String name, BigDecimal price, int stock) throws IOException, InterruptedException {
        return post("/api/products", Map.of("name", name, "price", price, "stock", stock))
                .get("productId")
                .asText();
    }

    /** A single-line order of one unit; answered 202 with {@code {orderId}} once the Order aggregate took it. */
    HttpRequest placeOrder(String customerId, String productId) {
        return json(
                URI.create(base + "/api/orders"),
                Map.of("customerId", customerId, "lines", List.of(Map.of("productId", productId, "quantity", 1))));
    }

    static String orderIdOf(HttpResponse<String> accepted) throws IOException {
        return JSON.readTree(accepted.body()).get("orderId").asText();
    }

    List<Processor> processors() throws IOException, InterruptedException {
        HttpResponse<String> answer =
                http.send(request("/api/admin/processors").GET().build(), HttpResponse.BodyHandlers.ofString());
        expect(answer, 200);
        return List.of(JSON.readValue(answer.body(), Processor[].class));
    }

    /** Asks a processor to rebuild its views from the first event; answers the status (202, or 409 when refused). */
    int replay(String processor) throws IOException, InterruptedException {
        return http.send(
                        request("/api/admin/processors/" + processor + "/replay")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** Asks for every view to be rebuilt in one reading of the log; answers the status (202, or 409). */
    int rebuildViews() throws IOException, InterruptedException {
        return http.send(
                        request("/api/admin/views/rebuild")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /**
     * Asks for a what-if timeline over {@code [from, to)} under {@code rules} (docs/api.md); answers its id once the
     * application took it (202).
     */
    String askTimeline(String name, Instant from, Instant to, Map<String, Object> rules)
            throws IOException, InterruptedException {
        return post(
                        "/api/timelines",
                        Map.of("name", name, "from", from.toString(), "to", to.toString(), "rules", rules),
                        202)
                .get("timelineId")
                .asText();
    }

    /** A timeline as {@code GET /api/timelines/{id}} answers it. */
    JsonNode timeline(String timelineId) throws IOException, InterruptedException {
        HttpResponse<String> answer =
                http.send(request("/api/timelines/" + timelineId).GET().build(), HttpResponse.BodyHandlers.ofString());
        expect(answer, 200);
        return JSON.readTree(answer.body());
    }

    /** Removes a timeline, which stops it if it runs; answers the status (204, or 404 when unknown). */
    int deleteTimeline(String timelineId) throws IOException, InterruptedException {
        return http.send(
                        request("/api/timelines/" + timelineId)
                                .header("Content-Type", "application/json")
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** One event processor as {@code GET /api/admin/processors} shows it. */
    record Processor(
            String name,
            String type,
            Long position,
            Long headPosition,
            Long lag,
            boolean replaying,
            boolean replayable,
            String status) {

        boolean caughtUpWith(long head) {
            return position != null && position >= head && !replaying;
        }
    }

    private JsonNode post(String path, Object body) throws IOException, InterruptedException {
        return post(path, body, 201);
    }

    private JsonNode post(String path, Object body, int status) throws IOException, InterruptedException {
        HttpResponse<String> answer =
                http.send(json(URI.create(base + path), body), HttpResponse.BodyHandlers.ofString());
        expect(answer, status);
        return JSON.readTree(answer.body());
    }

    private HttpRequest json(URI uri, Object body) {
        try {
            return HttpRequest.newBuilder(uri)
                    .timeout(TIMEOUT)
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("Authorization", authorization);
    }

    private static void expect(HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(
                    answer.request().method() + " " + answer.request().uri() + " answered " + answer.statusCode()
                            + " instead of " + status + ": " + answer.body());
        }
    }

    private static ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "bench-http");
            thread.setDaemon(true);
            return thread;
        };
    }
}
