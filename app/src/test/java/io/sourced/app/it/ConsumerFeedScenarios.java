package io.sourced.app.it;

import static io.sourced.app.it.WorkflowScenarios.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sourced.app.it.Api.Answer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Consumers of the event feed with their own tokens, on a subclass's database. */
abstract class ConsumerFeedScenarios extends ApplicationScenarios {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern NEXT = Pattern.compile("<[^>]*[?&]after=([^&>]+)[^>]*>");

    record Registered(String consumerId, String token) {}

    private Registered register(List<String> types) {
        Answer answer = admin.post("/api/consumers", Map.of("name", unique("reader"), "eventTypes", types));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return new Registered(
                answer.id("consumerId"), answer.body().path("token").asText());
    }

    private Answer asConsumer(String token, String method, String path, String body) {
        return admin.as(null, null).send(method, path, body, Map.of("Authorization", "Bearer " + token));
    }

    /** A page of the feed: its events, and where the next one starts. */
    record Page(List<JsonNode> events, String next, int status) {}

    private Page page(String token, String after, int limit) {
        Answer answer =
                asConsumer(token, "GET", "/api/feed?limit=" + limit + (after == null ? "" : "&after=" + after), null);
        List<JsonNode> events = answer.raw()
                .lines()
                .filter(line -> !line.isBlank())
                .map(Api::readTree)
                .toList();
        String link = answer.header("Link");
        Matcher next = link == null ? null : NEXT.matcher(link);
        return new Page(events, next != null && next.find() ? next.group(1) : null, answer.status());
    }

    @Test
    void consumer_neverSeesAnUngrantedType_personalFields_orAnothersPosition() {
        Registered orders = register(List.of("OrderPlacedEvent", "AccountOpenedEvent"));
        Registered products = register(List.of("ProductRegisteredEvent"));
        String customer = admin.openCustomer(unique("Private Person"), "100");
        String product = admin.registerProduct(unique("Feed lamp"), "1.00", 10);
        admin.awaitTerminal(admin.placeOrder(customer, Map.of(product, 1)).id("orderId"));

        List<JsonNode> seen = new ArrayList<>();
        String[] after = {null};
        await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
            Page page = page(orders.token(), after[0], 1000);
            seen.addAll(page.events());
            after[0] = page.next();
            return seen.stream()
                            .anyMatch(
                                    event -> event.path("aggregateId").asText().equals(customer))
                    && seen.stream()
                            .anyMatch(event -> event.path("type").asText().equals("OrderPlacedEvent"));
        });

        assertThat(seen)
                .extracting(event -> event.path("type").asText())
                .containsOnly("OrderPlacedEvent", "AccountOpenedEvent");
        assertThat(seen).allSatisfy(event -> {
            assertThat(event.has("sequence")).isFalse();
            assertThat(event.path("metadata").has("username")).isFalse();
            assertThat(event.path("position").asText()).doesNotMatch("\\d+");
        });
        JsonNode opened = seen.stream()
                .filter(event -> event.path("aggregateId").asText().equals(customer))
                .findFirst()
                .orElseThrow();
        assertThat(opened.path("payload").has("name")).isFalse();
        assertThat(opened.path("payload").path("customerId").asText()).isEqualTo(customer);

        String position = seen.get(seen.size() - 1).path("position").asText();
        Answer stored = asConsumer(orders.token(), "PUT", "/api/feed/position", "{\"position\":\"" + position + "\"}");
        assertThat(stored.status()).as(stored.raw()).isEqualTo(200);
        assertThat(asConsumer(orders.token(), "GET", "/api/feed/position", null)
                        .body()
                        .path("position")
                        .asText())
                .isNotBlank();
        Answer others = asConsumer(products.token(), "GET", "/api/feed/position", null);
        assertThat(others.body().path("position").isNull()).as(others.raw()).isTrue();
        Answer borrowed =
                asConsumer(products.token(), "PUT", "/api/feed/position", "{\"position\":\"" + position + "\"}");
        assertThat(borrowed.status()).isEqualTo(400);
        assertThat(borrowed.body().at("/errors/0/field").asText()).isEqualTo("position");
        assertThat(page(products.token(), position, 10).status()).isEqualTo(400);
        JsonNode consumer = admin.get("/api/consumers/" + orders.consumerId()).body();
        assertThat(consumer.path("position").asLong()).isPositive();
        assertThat(consumer.path("eventsRead").asLong()).isGreaterThanOrEqualTo(seen.size());
        assertThat(consumer.path("lastReadAt").asText()).isNotBlank();
        assertThat(asConsumer(products.token(), "GET", "/api/feed/catalog", null)
                        .body())
                .extracting(entry -> entry.path("type").asText())
                .containsExactly("ProductRegisteredEvent");
    }

    @Test
    void consumer_resumingAfterADisconnect_missesAndRepeatsNothing_whileEventsAreWritten() throws Exception {
        Registered reader = register(List.of("OrderPlacedEvent", "OrderAcceptedEvent"));
        String customer = admin.openCustomer(unique("Busy buyer"), "1000");
        String product = admin.registerProduct(unique("Feed cup"), "1.00", 1000);
        CompletableFuture<List<String>> writing = CompletableFuture.supplyAsync(() -> {
            List<String> placed = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                placed.add(admin.placeOrder(customer, Map.of(product, 1)).id("orderId"));
            }
            return placed;
        });

        List<String> pagesRead = new ArrayList<>();
        List<String> streamed = new ArrayList<>();
        String[] after = {null};
        String[] lastEventId = {null};
        await().atMost(Duration.ofMinutes(4)).pollInSameThread().until(() -> {
            Page page = page(reader.token(), after[0], 3);
            page.events().forEach(event -> pagesRead.add(event.path("eventId").asText()));
            after[0] = page.next();
            lastEventId[0] = streamSome(reader.token(), lastEventId[0], 4, streamed);
            return writing.isDone() && allDecided(writing.join());
        });
        List<String> expected = eventIdsOf(List.of("OrderPlacedEvent", "OrderAcceptedEvent"));
        await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
            Page page = page(reader.token(), after[0], 100);
            page.events().forEach(event -> pagesRead.add(event.path("eventId").asText()));
            after[0] = page.next();
            return pagesRead.size() >= expected.size();
        });
        await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
            lastEventId[0] = streamSome(reader.token(), lastEventId[0], 50, streamed);
            return streamed.size() >= expected.size();
        });

        assertThat(pagesRead).containsExactlyElementsOf(expected);
        assertThat(streamed).containsExactlyElementsOf(expected);
    }

    /** Whether the workflow decided every order: read again while it did not, with the feed in between. */
    private boolean allDecided(List<String> orders) {
        return orders.stream()
                .allMatch(order -> !"PENDING"
                        .equals(admin.get("/api/orders/" + order)
                                .body()
                                .path("status")
                                .asText("PENDING")));
    }

    /** Every event of these types in the log, in order, as the admin's feed gives it. */
    private List<String> eventIdsOf(List<String> types) {
        List<String> ids = new ArrayList<>();
        long after = -1;
        while (true) {
            List<JsonNode> page = admin.get("/api/events?limit=1000&after=" + after)
                    .raw()
                    .lines()
                    .filter(line -> !line.isBlank())
                    .map(Api::readTree)
                    .toList();
            if (page.isEmpty()) {
                return ids;
            }
            page.stream()
                    .filter(event -> types.contains(event.path("type").asText()))
                    .forEach(event -> ids.add(event.path("eventId").asText()));
            after = page.get(page.size() - 1).path("position").asLong();
        }
    }

    /**
     * Opens the stream after {@code lastEventId}, reads up to {@code count} events or until a second passes without
     * one, and hangs up: the id of the last event read (the one given when none came).
     */
    private String streamSome(String token, String lastEventId, int count, List<String> into) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(admin.baseUrl + "/api/feed/stream"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        String last = lastEventId;
        try (InputStream body = response.body();
                BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            CompletableFuture<Void> hangUp = CompletableFuture.runAsync(
                            () -> {}, CompletableFuture.delayedExecutor(2, java.util.concurrent.TimeUnit.SECONDS))
                    .thenRun(() -> close(body));
            String id = null;
            int read = 0;
            String line;
            while (read < count && (line = readLine(lines)) != null) {
                if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    into.add(Api.readTree(line.substring(5).strip())
                            .path("eventId")
                            .asText());
                    last = id;
                    read++;
                }
            }
            hangUp.cancel(false);
        }
        return last;
    }

    private static String readLine(BufferedReader lines) {
        try {
            return lines.readLine();
        } catch (IOException closed) {
            return null;
        }
    }

    private static void close(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Test
    void rotatedToken_isRefusedAtOnce_andItsStreamEnds() throws Exception {
        Registered reader = register(List.of("ProductRegisteredEvent"));
        admin.registerProduct(unique("Rotated lamp"), "1.00", 1);
        assertThat(page(reader.token(), null, 1).status()).isEqualTo(200);
        HttpResponse<InputStream> stream = HTTP.send(
                HttpRequest.newBuilder(URI.create(admin.baseUrl + "/api/feed/stream"))
                        .header("Authorization", "Bearer " + reader.token())
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);

        Answer rotated = admin.post("/api/consumers/" + reader.consumerId() + "/token", null);

        assertThat(rotated.status()).isEqualTo(200);
        Answer old = asConsumer(reader.token(), "GET", "/api/feed", null);
        assertThat(old.status()).isEqualTo(401);
        assertThat(old.contentType()).startsWith("application/problem+json");
        assertThat(page(rotated.body().path("token").asText(), null, 1).status())
                .isEqualTo(200);
        CompletableFuture<byte[]> rest = CompletableFuture.supplyAsync(() -> {
            try (InputStream body = stream.body()) {
                return body.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        assertThat(rest.get(10, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void disabledConsumer_isRefused_untilEnabled() {
        Registered reader = register(List.of("ProductRegisteredEvent"));

        assertThat(admin.post("/api/consumers/" + reader.consumerId() + "/disable", null)
                        .body()
                        .path("enabled")
                        .asBoolean())
                .isFalse();
        assertThat(page(reader.token(), null, 1).status()).isEqualTo(401);
        assertThat(asConsumer(reader.token(), "GET", "/api/feed/stream", null).status())
                .isEqualTo(401);

        admin.post("/api/consumers/" + reader.consumerId() + "/enable", null);
        assertThat(page(reader.token(), null, 1).status()).isEqualTo(200);
    }

    @Test
    void registration_withATypeNotInTheCatalog_isRefusedNamingIt() {
        Answer refused = admin.post(
                "/api/consumers",
                Map.of("name", unique("typo"), "eventTypes", List.of("OrderPlacedEvent", "OrderShipedEvent")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().at("/errors/0/field").asText()).isEqualTo("eventTypes");
        assertThat(refused.body().path("detail").asText()).contains("OrderShipedEvent");
        assertThat(admin.get("/api/consumers").raw()).doesNotContain("typo");
    }

    @Test
    void pythonExample_followsTheStreamIntoSqlite_andResumesFromItsStoredPosition(@TempDir Path folder)
            throws Exception {
        Registered reader = register(List.of("AccountOpenedEvent", "ProductRegisteredEvent"));
        List<String> customers = List.of(
                admin.openCustomer(unique("Py One"), "1"),
                admin.openCustomer(unique("Py Two"), "1"),
                admin.openCustomer(unique("Py Three"), "1"));
        admin.registerProduct(unique("Py lamp"), "1.00", 1);
        Path database = folder.resolve("feed.sqlite");
        List<String> expected = eventIdsOf(List.of("AccountOpenedEvent", "ProductRegisteredEvent"));
        assertThat(expected).hasSizeGreaterThan(4);

        assertThat(runExample(reader.token(), database, "--max-events", "2")).isZero();
        assertThat(sqlite(
                        database,
                        "SELECT event_id FROM account_opened_event UNION ALL "
                                + "SELECT event_id FROM product_registered_event"))
                .hasSize(2);
        assertThat(runExample(reader.token(), database, "--idle", "3")).isZero();

        List<String> stored = sqlite(
                database,
                "SELECT event_id FROM account_opened_event UNION ALL SELECT event_id FROM product_registered_event");
        assertThat(stored).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(sqlite(database, "SELECT customerId FROM account_opened_event"))
                .containsAll(customers);
        assertThat(sqlite(database, "SELECT name FROM pragma_table_info('account_opened_event')"))
                .contains("customerId")
                .doesNotContain("name");
        assertThat(sqlite(database, "SELECT name FROM pragma_table_info('product_registered_event')"))
                .contains("name", "price", "category");
    }

    /** Runs docs/examples/feed_to_sqlite.py against this instance; its exit code. */
    private int runExample(String token, Path database, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "python3",
                Path.of("..", "docs", "examples", "feed_to_sqlite.py").toString(),
                "--url",
                admin.baseUrl,
                "--db",
                database.toString()));
        command.addAll(List.of(options));
        ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true);
        process.environment().put("SOURCED_TOKEN", token);
        Process running = process.start();
        String output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(running.waitFor(2, TimeUnit.MINUTES)).as(output).isTrue();
        assertThat(running.exitValue()).as(output).isZero();
        return running.exitValue();
    }

    /** The first column of a query on the SQLite file, asked through Python's sqlite3 (no SQLite driver here). */
    private static List<String> sqlite(Path database, String query) throws Exception {
        Process running = new ProcessBuilder(
                        "python3",
                        "-c",
                        "import sqlite3, sys\n"
                                + "for row in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print(row[0])",
                        database.toString(),
                        query)
                .redirectErrorStream(true)
                .start();
        String output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(running.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(running.exitValue()).as(output).isZero();
        return output.lines().filter(line -> !line.isBlank()).toList();
    }
}
