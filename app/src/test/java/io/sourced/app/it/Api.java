package io.sourced.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A REST client of the API, signed in as one user. */
final class Api {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, String contentType, JsonNode body, String raw, HttpHeaders headers) {
        String id(String field) {
            return body.path(field).asText();
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    final String baseUrl;
    private final String authorization;
    private final Duration timeout;

    Api(String baseUrl, String username, String password) {
        this(baseUrl, basic(username, password), TIMEOUT);
    }

    private Api(String baseUrl, String authorization, Duration timeout) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.timeout = timeout;
    }

    private static String basic(String username, String password) {
        return username == null
                ? null
                : "Basic "
                        + Base64.getEncoder()
                                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Api as(String username, String password) {
        return new Api(baseUrl, basic(username, password), timeout);
    }

    /** The same caller, waiting up to {@code timeout} for each answer. */
    Api waitingUpTo(Duration timeout) {
        return new Api(baseUrl, authorization, timeout);
    }

    Answer get(String path) {
        return send("GET", path, null, Map.of());
    }

    Answer delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    Answer post(String path, Object body) {
        return post(path, body, Map.of());
    }

    Answer post(String path, Object body, Map<String, String> headers) {
        try {
            String raw = body == null ? "" : body instanceof String text ? text : JSON.writeValueAsString(body);
            return send("POST", path, raw, headers);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Answer send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        // as the API asks of every write, with a body or without (docs/api.md)
        if (body != null || !"GET".equals(method)) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode json = raw.isBlank() || !(raw.startsWith("{") || raw.startsWith("["))
                    ? JSON.nullNode()
                    : JSON.readTree(raw);
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    json,
                    raw,
                    response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- the workflow in domain words ---

    String registerProduct(String name, String price, int stock) {
        Answer answer =
                post("/api/products", Map.of("name", name, "price", new java.math.BigDecimal(price), "stock", stock));
        if (answer.status() != 201) {
            throw new AssertionError("register product: " + answer);
        }
        return answer.id("productId");
    }

    void writeOff(String productId, int quantity, String reason) {
        Answer answer =
                post("/api/products/" + productId + "/write-offs", Map.of("quantity", quantity, "reason", reason));
        if (answer.status() != 202) {
            throw new AssertionError("write-off: " + answer);
        }
    }

    /** Deposits the amount and answers the transaction id of its ledger entry, once the ledger shows it. */
    String depositOf(String customerId, String amount) {
        String ledger = "/api/customers/" + customerId + "/transactions";
        java.util.Set<String> seen = new java.util.HashSet<>(get(ledger).body().findValuesAsText("transactionId"));
        Answer answer =
                post("/api/customers/" + customerId + "/deposits", Map.of("amount", new java.math.BigDecimal(amount)));
        if (answer.status() != 202) {
            throw new AssertionError("deposit: " + answer);
        }
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode entry : get(ledger).body()) {
                if (entry.path("type").asText().equals("DEPOSIT")
                        && entry.path("amount").decimalValue().compareTo(new java.math.BigDecimal(amount)) == 0
                        && !seen.contains(entry.path("transactionId").asText())) {
                    id[0] = entry.path("transactionId").asText();
                    return true;
                }
            }
            return false;
        });
        return id[0];
    }

    void reverseDeposit(String customerId, String transactionId, String reason) {
        Answer answer = post(
                "/api/customers/" + customerId + "/transactions/" + transactionId + "/reversal",
                Map.of("reason", reason));
        if (answer.status() != 202) {
            throw new AssertionError("reversal: " + answer);
        }
    }

    void restock(String productId, int quantity) {
        Answer answer = post("/api/products/" + productId + "/restock", Map.of("quantity", quantity));
        if (answer.status() != 202) {
            throw new AssertionError("restock: " + answer);
        }
    }

    String openCustomer(String name, String deposit) {
        Answer answer =
                post("/api/customers", Map.of("name", name, "initialDeposit", new java.math.BigDecimal(deposit)));
        if (answer.status() != 201) {
            throw new AssertionError("open customer: " + answer);
        }
        return answer.id("customerId");
    }

    Answer placeOrder(String customerId, Map<String, Integer> quantities) {
        return post(
                "/api/orders",
                Map.of(
                        "customerId",
                        customerId,
                        "lines",
                        quantities.entrySet().stream()
                                .map(line -> Map.of("productId", line.getKey(), "quantity", line.getValue()))
                                .toList()));
    }

    /** Asks a return of the units of each product, with the reason. */
    Answer requestReturn(String orderId, Map<String, Integer> quantities, String reason) {
        return post(
                "/api/orders/" + orderId + "/returns",
                Map.of(
                        "lines",
                        quantities.entrySet().stream()
                                .map(line -> Map.of("productId", line.getKey(), "quantity", line.getValue()))
                                .toList(),
                        "reason",
                        reason));
    }

    /** Waits until the product's available, reserved and sold units are these. */
    void awaitStock(String productId, int available, int reserved, int sold) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode product = get("/api/products/" + productId).body();
            assertThat(List.of(
                            product.path("available").asInt(),
                            product.path("reserved").asInt(),
                            product.path("sold").asInt()))
                    .containsExactly(available, reserved, sold);
        });
    }

    /** Waits until the customer's balance is this. */
    void awaitBalance(String customerId, String balance) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(get("/api/customers/" + customerId)
                                .body()
                                .path("balance")
                                .decimalValue())
                        .isEqualByComparingTo(balance));
    }

    JsonNode awaitTerminal(String orderId) {
        return awaitOrder(
                orderId, order -> !"PENDING".equals(order.path("status").asText()));
    }

    JsonNode awaitOrder(String orderId, java.util.function.Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    Answer answer = get("/api/orders/" + orderId);
                    last[0] = answer.body();
                    return answer.status() == 200 && condition.test(answer.body());
                });
        return last[0];
    }
}
