package io.sourced.app.it;

import static io.sourced.app.it.WorkflowScenarios.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sourced.app.it.Api.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The data-lake feed on a subclass's database: every event of the log lands in the lake exactly once, at its log
 * position, across orders of every outcome, a restart, a replay and a consumer stopped while orders flow; a reader
 * never sees a file half-written; an event shows within two seconds of its commit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DataLakeScenarios {

    // batches do not linger here, so that a reader sees many files appear while the events flow (the replicas' lake
    // suites keep the default)
    private static final List<String> ARGUMENTS = List.of("--sourced.order.timeout=3s", "--sourced.lake.linger=0ms");

    Database database;
    Instance instance;
    Api admin;
    Path lake;

    abstract Database database();

    @BeforeAll
    void start() {
        database = database();
        lake = database.lakeFolder();
        instance = Instance.start(database, ARGUMENTS, HoldReservations.class);
        admin = instance.admin;
    }

    @AfterAll
    void stop() {
        if (instance != null) {
            instance.close();
        }
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void everyEvent_landsOnceAtItsPosition_afterOrdersOfEveryOutcome_aRestart_andAReplay() throws IOException {
        ordersOfEveryOutcome();
        assertTheLakeIsTheLog(awaitTheLakeHoldsTheLog());

        instance.close();
        instance = Instance.start(database, ARGUMENTS, HoldReservations.class);
        admin = instance.admin;
        String afterRestart = admin.placeOrder(
                        admin.openCustomer(unique("Again"), "50"),
                        Map.of(admin.registerProduct(unique("Again"), "2.00", 5), 1))
                .id("orderId");
        assertThat(admin.awaitTerminal(afterRestart).path("status").asText()).isEqualTo("ACCEPTED");
        assertTheLakeIsTheLog(awaitTheLakeHoldsTheLog());

        Instant replayedAt = Instant.now().minusMillis(1);
        Answer replay = admin.post("/api/admin/processors/data-lake/replay", null);
        assertThat(replay.status()).as(replay.raw()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode status = statusOf("data-lake");
            assertThat(status.path("replaying").asBoolean())
                    .as(status.toString())
                    .isFalse();
            assertThat(status.path("lag").asLong()).as(status.toString()).isZero();
            for (Path file : Lake.visibleFiles(lake)) {
                assertThat(Files.getLastModifiedTime(file).toInstant())
                        .as("%s rewritten by the replay", file)
                        .isAfterOrEqualTo(replayedAt);
            }
        });
        assertTheLakeIsTheLog(awaitTheLakeHoldsTheLog());
    }

    @Test
    void aStoppedConsumer_catchesUpAfterItStarts_withTheSameResult() throws Exception {
        String product = admin.registerProduct(unique("Paused pen"), "1.00", 40);
        String customer = admin.openCustomer(unique("Paused"), "200");
        awaitTheLakeHoldsTheLog();
        StreamingEventProcessor consumer = instance.bean(EventProcessingConfiguration.class)
                .eventProcessor("data-lake", StreamingEventProcessor.class)
                .orElseThrow();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> placing = new ArrayList<>();
        for (int n = 0; n < 16; n++) {
            int quantity = 1 + n % 3;
            placing.add(pool.submit(
                    () -> admin.placeOrder(customer, Map.of(product, quantity)).id("orderId")));
            if (n == 3) {
                consumer.shutDown();
            }
        }
        List<String> orders = new ArrayList<>();
        for (Future<String> order : placing) {
            orders.add(order.get(1, TimeUnit.MINUTES));
        }
        pool.shutdown();
        orders.forEach(admin::awaitTerminal);
        List<String> stored = instance.jdbc()
                .queryForList("SELECT eventidentifier FROM domainevententry ORDER BY globalindex", String.class);
        assertThat(Lake.read(lake).positionsById().keySet())
                .as("a stopped consumer writes nothing")
                .doesNotContainAnyElementsOf(stored.subList(stored.size() - 5, stored.size()));

        consumer.start();

        assertTheLakeIsTheLog(awaitTheLakeHoldsTheLog());
    }

    @Test
    void aReader_listingAndParsingTheLakeWhileEventsFlow_neverSeesAHalfWrittenFile() throws Exception {
        String product = admin.registerProduct(unique("Busy pad"), "1.00", 500);
        String customer = admin.openCustomer(unique("Busy"), "500");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.isDirectory(lake));
        int before = Lake.visibleFiles(lake).size();
        LakeReader reader = new LakeReader(lake);

        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<String>> placing = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            Random random = new Random(n);
            placing.add(pool.submit(() -> admin.placeOrder(customer, Map.of(product, 1 + random.nextInt(3)))
                    .id("orderId")));
        }
        for (Future<String> order : placing) {
            admin.awaitTerminal(order.get(1, TimeUnit.MINUTES));
        }
        pool.shutdown();
        awaitTheLakeHoldsTheLog();
        reader.close();

        assertThat(reader.problems).isEmpty();
        assertThat(reader.filesRead.get()).as("files read as they appeared").isGreaterThan(before + 10);
    }

    @Test
    void anEvent_isInTheLake_withinTwoSecondsOfItsCommit() {
        for (int n = 0; n < 5; n++) {
            Instant beforeCommit = Instant.now();
            String product = admin.registerProduct(unique("Quick"), "1.00", 1);
            Duration left = Duration.between(Instant.now(), beforeCommit.plusSeconds(2));
            assertThat(left).isPositive();
            await().atMost(left)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> Lake.read(lake).events().stream()
                            .anyMatch(event ->
                                    product.equals(event.path("aggregateId").asText())
                                            && "ProductRegisteredEvent"
                                                    .equals(event.path("type").asText())));
        }
    }

    /** Waits until the lake holds the events of the log and no other, and answers the lake then. */
    private Lake awaitTheLakeHoldsTheLog() {
        Lake[] seen = new Lake[1];
        instance.awaitQuiet();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    seen[0] = Lake.read(lake);
                    assertThat(seen[0].positionsById().keySet())
                            .containsExactlyInAnyOrderElementsOf(instance.jdbc()
                                    .queryForList("SELECT eventidentifier FROM domainevententry", String.class));
                });
        return seen[0];
    }

    /**
     * Every stored event, once, at its global index; each file in its day and type partition, named after its first
     * and last position, its lines in position order; no staged file left; the ledger names exactly the files.
     */
    private void assertTheLakeIsTheLog(Lake found) throws IOException {
        Map<String, Long> stored = new HashMap<>();
        instance.jdbc().query("SELECT eventidentifier, globalindex FROM domainevententry", row -> {
            stored.put(row.getString(1), row.getLong(2));
        });
        Map<String, List<Long>> written = found.positionsById();
        assertThat(written.keySet()).containsExactlyInAnyOrderElementsOf(stored.keySet());
        Map<String, List<Long>> misplaced = new LinkedHashMap<>();
        written.forEach((id, positions) -> {
            if (!positions.equals(List.of(stored.get(id)))) {
                misplaced.put(id + " at " + stored.get(id), positions);
            }
        });
        assertThat(misplaced)
                .as("events written more than once or away from their position")
                .isEmpty();

        found.files().forEach((file, lines) -> {
            List<Long> positions =
                    lines.stream().map(line -> line.path("position").asLong()).toList();
            assertThat(positions).as(file).isSorted().doesNotHaveDuplicates();
            assertThat(file)
                    .endsWith(String.format(
                            "/part-%019d-%019d.jsonl", positions.get(0), positions.get(positions.size() - 1)));
            lines.forEach(line -> assertThat(file)
                    .as(line.toString())
                    .startsWith("day="
                            + LocalDate.ofInstant(
                                    Instant.parse(line.path("timestamp").asText()), ZoneOffset.UTC)
                            + "/type=" + line.path("type").asText() + "/"));
        });
        try (var all = Files.walk(lake)) {
            assertThat(all.filter(Files::isRegularFile)
                            .map(path -> path.getFileName().toString()))
                    .as("nothing staged is left; the folder's marker beside the lake")
                    .allMatch(name ->
                            name.equals(SharedLakeChecks.MARKER) || name.endsWith(".jsonl") && !name.startsWith("."));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        assertThat(instance.jdbc().queryForList("SELECT file_name FROM lake_file", String.class))
                .containsExactlyInAnyOrderElementsOf(found.files().keySet());
    }

    private void ordersOfEveryOutcome() {
        String stocked = admin.registerProduct(unique("Stocked"), "4.00", 5);
        String held = admin.registerProduct(unique("Held"), "6.00", 5);
        String rich = admin.openCustomer(unique("Rich"), "200");
        String poor = admin.openCustomer(unique("Poor"), "3");
        List<String> orders = new ArrayList<>();
        orders.add(admin.placeOrder(rich, Map.of(stocked, 2)).id("orderId"));
        orders.add(admin.placeOrder(rich, Map.of(stocked, 50)).id("orderId"));
        orders.add(admin.placeOrder(poor, Map.of(stocked, 1)).id("orderId"));
        HoldReservations.HELD_PRODUCTS.add(held);
        try {
            String toCancel =
                    admin.placeOrder(rich, Map.of(held, 1, stocked, 1)).id("orderId");
            admin.awaitOrder(
                    toCancel,
                    order ->
                            order.path("lines").findValues("unitPrice").stream().anyMatch(price -> !price.isNull()));
            assertThat(admin.post("/api/orders/" + toCancel + "/cancel", null).status())
                    .isEqualTo(202);
            orders.add(toCancel);
            orders.add(admin.placeOrder(rich, Map.of(held, 1)).id("orderId"));
            List<String> outcomes = orders.stream()
                    .map(admin::awaitTerminal)
                    .map(order -> order.path("status").asText() + " "
                            + order.path("rejectionReason").asText())
                    .toList();
            assertThat(outcomes)
                    .containsExactly(
                            "ACCEPTED null",
                            "REJECTED OUT_OF_STOCK",
                            "REJECTED PAYMENT_DECLINED",
                            "CANCELLED null",
                            "REJECTED TIMEOUT");
        } finally {
            HoldReservations.HELD_PRODUCTS.remove(held);
        }
    }

    private JsonNode statusOf(String processor) {
        for (JsonNode p : admin.get("/api/admin/processors").body()) {
            if (p.path("name").asText().equals(processor)) {
                return p;
            }
        }
        throw new AssertionError("no processor " + processor);
    }
}
