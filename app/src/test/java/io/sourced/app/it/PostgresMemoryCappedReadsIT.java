package io.sourced.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A product with a history of 200,000 events, written straight into the event store in the application's own
 * format, read by the application in a JVM held to 256 MB of heap: "as of" reads at instants before, among and after
 * its events and pages of its audit trail, asked by several clients at once, all answer what the events say, none
 * with a 5xx, and the JVM never runs out of memory.
 */
class PostgresMemoryCappedReadsIT extends ReplicasOnOneDatabase {

    private static final int EVENTS = 200_000;
    private static final int INITIAL_STOCK = 7;
    private static final int RESTOCKED_BY_COMMAND = 3;
    private static final int TEMPLATE_RESTOCKS = 3;
    private static final String PRICE = "1.00";
    private static final long MILLIS_APART = 10;
    private static final int CLIENTS = 6;
    private static final int TRAIL_PAGE = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Instant registered;

    @Test
    void asOfAndTrailReads_ofAProductWithALongHistory_answerRight_inAHeapOf256MB() throws Exception {
        database = Database.postgres();
        // a first process writes the history and follows it with its processors, with room to catch up at once
        ReplicaProcess writer = ReplicaProcess.start(
                database,
                "writer",
                List.of("-Xmx1g"),
                List.of("--sourced.snapshot.threshold=" + TEMPLATE_RESTOCKS, "--sourced.lake.enabled=false"));
        replicas.add(writer);
        writer.awaitHealthy();
        String template = writer.admin.registerProduct(WorkflowScenarios.unique("Template"), PRICE, 1);
        for (int i = 0; i < TEMPLATE_RESTOCKS; i++) {
            writer.admin.restock(template, 1);
        }
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> count("snapshotevententry", template) > 0);
        String product = writeHistory(template);
        // the command side starts from the history's snapshot, as it does for any product
        writer.admin.restock(product, RESTOCKED_BY_COMMAND);
        await().atMost(Duration.ofSeconds(150))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> writer.admin
                                        .get("/api/aggregates/" + product + "/events?after=" + (EVENTS - 1))
                                        .body()
                                        .size()
                                == 1
                        && writer.admin.get("/api/products/" + product).status() == 200);
        writer.stop(Duration.ofSeconds(60));
        ReplicaProcess app = ReplicaProcess.start(
                        database,
                        "capped",
                        List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"),
                        List.of("--sourced.lake.enabled=false"))
                .awaitHealthy();
        replicas.add(app);
        // a read of the history from its first event takes a while on a shared machine, several at once longer
        Api admin = app.admin.waitingUpTo(Duration.ofSeconds(90));

        List<Callable<String>> reads = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            for (int k : List.of(0, 1, 999, 1000, 54_321, 99_999, 150_000, EVENTS - 1)) {
                reads.add(() -> stockAsOf(admin, product, at(k).plusMillis(MILLIS_APART / 2), INITIAL_STOCK + k));
            }
            reads.add(() -> stockAsOf(admin, product, at(123_456), INITIAL_STOCK + 123_456));
            reads.add(
                    () -> stockAsOf(admin, product, Instant.now(), INITIAL_STOCK + EVENTS - 1 + RESTOCKED_BY_COMMAND));
            reads.add(() -> notYet(admin, product, at(0).minusMillis(1)));
            for (long after : List.of(-1L, 99_999L, (long) EVENTS - TRAIL_PAGE - 1)) {
                reads.add(() -> trailPage(admin, product, after));
            }
            reads.add(() -> productPage(admin, product));
        }
        Collections.shuffle(reads);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<String> wrong = new ArrayList<>();
        try {
            for (Future<String> answer : clients.invokeAll(reads)) {
                try {
                    if (answer.get() != null) {
                        wrong.add(answer.get());
                    }
                } catch (ExecutionException e) {
                    wrong.add(e.getCause().toString());
                }
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(wrong).as("reads answered wrong, with a 5xx, or not at all").isEmpty();
        assertThat(app.alive()).as("the application, still running").isTrue();
        assertThat(Files.readString(app.log)).doesNotContain("OutOfMemoryError");
    }

    /**
     * Registers the product and restocks it by one, again and again, every few milliseconds of an hour ago, and
     * snapshots it after the last: the rows as the application writes them, the snapshot's shape and the metadata
     * taken from {@code template}'s.
     */
    private String writeHistory(String template) throws Exception {
        String product = UUID.randomUUID().toString();
        registered = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        JdbcTemplate store = eventStore();
        String registration = JSON.writeValueAsString(Map.of(
                "productId",
                product,
                "name",
                WorkflowScenarios.unique("Long history"),
                "price",
                new BigDecimal(PRICE),
                "initialStock",
                INITIAL_STOCK,
                "category",
                "Uncategorised"));
        store.update("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                    payload, payloadrevision, payloadtype, timestamp)
                SELECT ?, 0, type, gen_random_uuid()::text, metadata, convert_to(?, 'UTF8'), payloadrevision,
                    payloadtype, ?
                FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0""", product, registration, registered.toString(), template);
        store.update("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                    payload, payloadrevision, payloadtype, timestamp)
                SELECT ?, i, t.type, gen_random_uuid()::text, t.metadata,
                    convert_to('{"productId":"' || ? || '","quantity":1}', 'UTF8'), '1',
                    'io.sourced.api.inventory.ProductRestockedEvent',
                    to_char((?::timestamptz + i * ? * interval '1 millisecond') AT TIME ZONE 'UTC',
                        'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                FROM generate_series(1, ?) AS i,
                    (SELECT type, metadata FROM domainevententry
                     WHERE aggregateidentifier = ? AND sequencenumber = 0) AS t""", product, product, registered.toString(), MILLIS_APART, EVENTS - 1, template);
        store.update(
                """
                INSERT INTO snapshotevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                    payload, payloadrevision, payloadtype, timestamp)
                SELECT ?, ?, type, gen_random_uuid()::text, metadata,
                    convert_to(regexp_replace(replace(convert_from(payload, 'UTF8'), ?, ?),
                        '"available":[0-9]+', '"available":' || ?), 'UTF8'),
                    payloadrevision, payloadtype, ?
                FROM snapshotevententry WHERE aggregateidentifier = ?""",
                product,
                EVENTS - 1,
                template,
                product,
                INITIAL_STOCK + EVENTS - 1,
                at(EVENTS - 1).toString(),
                template);
        assertThat(count("domainevententry", product)).isEqualTo(EVENTS);
        assertThat(count("snapshotevententry", product)).isEqualTo(1);
        return product;
    }

    /** When the product's event {@code sequence} was recorded. */
    private Instant at(int sequence) {
        return registered.plusMillis(sequence * MILLIS_APART);
    }

    private int count(String table, String aggregateId) {
        Integer rows = eventStore()
                .queryForObject(
                        "SELECT COUNT(*) FROM " + table + " WHERE aggregateidentifier = ?", Integer.class, aggregateId);
        return rows == null ? 0 : rows;
    }

    private static String stockAsOf(Api api, String product, Instant asOf, int available) {
        Api.Answer answer = api.get("/api/products/" + product + "?asOf=" + asOf);
        JsonNode view = answer.body();
        if (answer.status() != 200
                || view.path("available").asInt() != available
                || view.path("reserved").asInt() != 0
                || view.path("sold").asInt() != 0) {
            return "as of " + asOf + ": expected " + available + " available, got " + answer.status() + " "
                    + answer.raw();
        }
        return null;
    }

    private static String notYet(Api api, String product, Instant asOf) {
        Api.Answer answer = api.get("/api/products/" + product + "?asOf=" + asOf);
        return answer.status() == 404 ? null : "as of " + asOf + ": expected 404, got " + answer.status();
    }

    private static String trailPage(Api api, String product, long after) {
        Api.Answer answer = api.get("/api/aggregates/" + product + "/events?after=" + after + "&limit=" + TRAIL_PAGE);
        List<Long> sequences = new ArrayList<>();
        answer.body().forEach(event -> sequences.add(event.path("sequence").asLong()));
        List<Long> expected = new ArrayList<>();
        for (long sequence = after + 1; sequence <= after + TRAIL_PAGE; sequence++) {
            expected.add(sequence);
        }
        String link = answer.headers().firstValue("Link").orElse("");
        if (answer.status() != 200
                || !sequences.equals(expected)
                || !link.contains("after=" + (after + TRAIL_PAGE))
                || !link.endsWith("rel=\"next\"")) {
            return "trail after " + after + ": " + answer.status() + ", " + sequences.size() + " events from "
                    + (sequences.isEmpty() ? "none" : sequences.get(0)) + ", link " + link;
        }
        return null;
    }

    private static String productPage(Api api, String product) {
        Api.Answer answer = api.get("/admin/products/" + product);
        return answer.status() == 200
                        && answer.raw().contains("ProductRestockedEvent")
                        && answer.raw().contains("Earlier events")
                ? null
                : "the product's page: " + answer.status();
    }
}
