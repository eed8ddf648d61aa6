package io.sourced.app.it;

import static io.sourced.app.it.WorkflowScenarios.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What operators watch: {@code /actuator/prometheus} (scraped as Prometheus does, with the sign-in {@code metrics})
 * after orders, consumers, dead letters and a replay, each figure seen to move; {@code /actuator/health} going
 * {@code DEGRADED} for a processor stopped behind the log or in error, still answered 200, and {@code UP} again once
 * it caught up; and the Grafana dashboard asking only for metrics the application exports. Processors stall here after
 * 3 s, and the figures are read again every half second.
 */
abstract class MonitoringScenarios extends ApplicationScenarios {

    static final String METRICS_PASSWORD = "metrics-of-monitoring-it";
    private static final Path DASHBOARD =
            Path.of("").toAbsolutePath().resolveSibling("docker").resolve("grafana/dashboards/sourced.json");
    private static final String HANDLED = "sourced_processor_handled_events_total";
    private static final String POSITION = "sourced_processor_position";
    private static final String LAG = "sourced_processor_lag_events";
    private static final String LAG_SECONDS = "sourced_processor_lag_seconds";
    private static final String DEAD_LETTERS = "sourced_processor_dead_letters";
    private static final String REBUILD = "sourced_processor_rebuild_progress";
    private static final String DEGRADED = "sourced_processor_degraded";
    private static final String SAGA = "OrderFulfilmentSagaProcessor";

    private Api prometheus;
    private Api anonymous;
    private String customer;
    private String product;

    @Override
    List<String> arguments() {
        return List.of(
                "--sourced.health.stall-after=10s",
                "--sourced.metrics.refresh=500ms",
                "--sourced.security.metrics-password=" + METRICS_PASSWORD,
                "--axon.eventhandling.processors." + MonitoringProbe.NAME + ".mode=tracking");
    }

    @Override
    Class<?>[] extraSources() {
        return new Class<?>[] {MonitoringProbe.class, GateReservations.class, PoisonedProducts.class};
    }

    @BeforeAll
    void aCustomerAndAProduct() {
        prometheus = admin.as("metrics", METRICS_PASSWORD);
        anonymous = admin.as(null, null);
        customer = admin.openCustomer(unique("Watcher"), "1000.00");
        product = admin.registerProduct(unique("Gauge"), "1.00", 1000);
    }

    /** Each test leaves every processor running and caught up. */
    @AfterEach
    void healthyAgain() {
        MonitoringProbe.failing = false;
        MonitoringProbe.releaseReplay();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(health(admin).path("status").asText())
                        .as(health(admin).toString())
                        .isEqualTo("UP"));
    }

    @Test
    void scrape_afterAFewOrders_theProcessorsFiguresMove() {
        Scrape before = awaitScrape(scrape -> scrape.value(POSITION, "processor", "views") >= 0);
        Set<String> processors =
                new TreeSet<>(admin.get("/api/admin/processors").body().findValuesAsText("name"));

        for (int i = 0; i < 3; i++) {
            admin.awaitTerminal(order(product));
        }

        Scrape after = awaitScrape(
                scrape -> scrape.value(HANDLED, "processor", "views") > before.value(HANDLED, "processor", "views")
                        && scrape.value(HANDLED, "processor", SAGA) > before.value(HANDLED, "processor", SAGA)
                        && scrape.value(POSITION, "processor", "views") > before.value(POSITION, "processor", "views")
                        && scrape.value(LAG, "processor", "views") == 0
                        && scrape.value(LAG, "processor", SAGA) == 0);
        for (String metric : List.of(HANDLED, POSITION, LAG, LAG_SECONDS, DEAD_LETTERS, REBUILD, DEGRADED)) {
            assertThat(after.labelValues(metric, "processor")).as(metric).isEqualTo(processors);
        }
        assertThat(after.value(HANDLED, "processor", "views") - before.value(HANDLED, "processor", "views"))
                .as("at least each order's placed, reserved, paid and accepted events")
                .isGreaterThanOrEqualTo(12);
        assertThat(after.value(LAG_SECONDS, "processor", "views")).isZero();
        assertThat(after.value(DEAD_LETTERS, "processor", "views")).isZero();
        assertThat(after.value(DEGRADED, "processor", "views")).isZero();
        assertThat(after.value(REBUILD, "processor", "views"))
                .as("no rebuild under way")
                .isNaN();
    }

    @Test
    void scrape_orderInFlight_isCountedWithItsWait_untilItEnds() {
        String gated = admin.registerProduct(unique("Gated gauge"), "1.00", 5);
        GateReservations.close(gated);
        String orderId;
        try {
            orderId = order(gated);
            awaitScrape(scrape -> scrape.value("sourced_workflow_pending_orders") >= 1
                    && scrape.value("sourced_workflow_oldest_pending_seconds") > 0.2);
        } finally {
            GateReservations.open(gated);
        }

        admin.awaitTerminal(orderId);
        awaitScrape(scrape -> scrape.value("sourced_workflow_pending_orders") == 0
                && scrape.value("sourced_workflow_oldest_pending_seconds") == 0);
    }

    @Test
    void scrape_consumerBehind_showsItsLag_growingWithTheEventsOfItsTypes() {
        String name = unique("Monitoring reader");
        assertThat(admin.post("/api/consumers", Map.of("name", name, "eventTypes", List.of("OrderPlacedEvent")))
                        .status())
                .isEqualTo(201);
        double lag = awaitScrape(scrape -> scrape.value("sourced_consumer_lag_events", "consumer", name) >= 0
                        && scrape.value("sourced_consumers") >= 1)
                .value("sourced_consumer_lag_events", "consumer", name);

        admin.awaitTerminal(order(product));

        awaitScrape(scrape -> scrape.value("sourced_consumer_lag_events", "consumer", name) == lag + 1);
    }

    @Test
    void scrape_eventParked_countsADeadLetter_untilRetried() {
        String poisoned = admin.registerProduct(unique("Poisoned gauge"), "1.00", 1);
        PoisonedProducts.POISONED.add(poisoned);
        try {
            admin.restock(poisoned, 1);
            awaitScrape(scrape -> scrape.value(DEAD_LETTERS, "processor", "views") >= 1);
        } finally {
            PoisonedProducts.POISONED.remove(poisoned);
        }

        assertThat(admin.post("/api/admin/dead-letters/products-view/retry", null)
                        .status())
                .isEqualTo(202);
        awaitScrape(scrape -> scrape.value(DEAD_LETTERS, "processor", "views") == 0);
    }

    @Test
    void scrape_replay_showsItsProgress_andNoneOnceDone() {
        admin.awaitTerminal(order(product));
        MonitoringProbe.holdReplay();
        try {
            Api.Answer replay = admin.post("/api/admin/processors/" + MonitoringProbe.NAME + "/replay", null);
            assertThat(replay.status()).as(replay.raw()).isEqualTo(202);

            double progress = awaitScrape(scrape -> scrape.value(REBUILD, "processor", MonitoringProbe.NAME) >= 0)
                    .value(REBUILD, "processor", MonitoringProbe.NAME);
            assertThat(progress).as("held at its first placed order").isLessThan(1);
        } finally {
            MonitoringProbe.releaseReplay();
        }

        awaitScrape(scrape -> Double.isNaN(scrape.value(REBUILD, "processor", MonitoringProbe.NAME))
                && scrape.value(LAG, "processor", MonitoringProbe.NAME) == 0);
    }

    @Test
    void health_processorStoppedBehindTheLog_isDegradedAfterTheStallTime_thenUpOnceCaughtUp() {
        EventProcessor reports = instance.bean(EventProcessingConfiguration.class)
                .eventProcessor("reports")
                .orElseThrow();
        reports.shutDown();
        try {
            admin.awaitTerminal(order(product));
            Scrape behind = awaitScrape(scrape -> scrape.value(LAG, "processor", "reports") > 0
                    && scrape.value(LAG_SECONDS, "processor", "reports") > 0);
            assertThat(behind.value(LAG, "processor", "views")).isZero();

            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> health(anonymous).path("status").asText().equals("DEGRADED"));
            Api.Answer answer = anonymous.get("/actuator/health");
            assertThat(answer.status())
                    .as("still serving: kept by load balancers")
                    .isEqualTo(200);
            JsonNode stalled = health(admin).at("/components/processors/components/reports");
            assertThat(stalled.path("status").asText()).isEqualTo("DEGRADED");
            assertThat(stalled.at("/details/state").asText()).isEqualTo("STOPPED");
            assertThat(stalled.at("/details/lag").asLong()).isPositive();
            assertThat(stalled.at("/details/stalledSeconds").asLong()).isGreaterThanOrEqualTo(10);
            assertThat(health(admin)
                            .at("/components/processors/components/views/status")
                            .asText())
                    .isEqualTo("UP");
            awaitScrape(scrape -> scrape.value(DEGRADED, "processor", "reports") == 1);
        } finally {
            reports.start();
        }
        awaitScrape(scrape ->
                scrape.value(DEGRADED, "processor", "reports") == 0 && scrape.value(LAG, "processor", "reports") == 0);
    }

    @Test
    void health_processorInError_isDegradedAnswered200_thenUpOnceItGoesThrough() {
        MonitoringProbe.failing = true;
        try {
            order(product);

            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> health(admin)
                            .at("/components/processors/components/" + MonitoringProbe.NAME + "/details/state")
                            .asText()
                            .equals("ERROR"));
            JsonNode probe = health(admin).at("/components/processors/components/" + MonitoringProbe.NAME);
            assertThat(probe.path("status").asText()).isEqualTo("DEGRADED");
            assertThat(health(admin).path("status").asText()).isEqualTo("DEGRADED");
            Api.Answer answer = anonymous.get("/actuator/health");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().path("status").asText()).isEqualTo("DEGRADED");
        } finally {
            MonitoringProbe.failing = false;
        }
    }

    @Test
    void health_showsAnyoneTheStatusAlone_andTheAdminEachProcessorAndTheDatabase() {
        Api.Answer open = anonymous.get("/actuator/health");
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.body().has("components")).isFalse();
        assertThat(admin.as("metrics", METRICS_PASSWORD)
                        .get("/actuator/health")
                        .body()
                        .has("components"))
                .isFalse();

        JsonNode health = health(admin);
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        JsonNode processors = health.at("/components/processors/components");
        Set<String> shown = new TreeSet<>();
        processors.fieldNames().forEachRemaining(shown::add);
        assertThat(shown)
                .isEqualTo(
                        new TreeSet<>(admin.get("/api/admin/processors").body().findValuesAsText("name")));
        JsonNode views = processors.path("views");
        assertThat(views.path("status").asText()).isEqualTo("UP");
        assertThat(views.at("/details/state").asText()).isEqualTo("RUNNING");
        assertThat(views.at("/details/position").isNumber()).isTrue();
        assertThat(views.at("/details/lag").isNumber()).isTrue();
    }

    @Test
    void dashboard_queriesOnlyMetricsTheApplicationExports() throws IOException {
        String consumer = unique("Dashboard reader");
        admin.post("/api/consumers", Map.of("name", consumer, "eventTypes", List.of("OrderPlacedEvent")));
        admin.awaitTerminal(order(product));
        Scrape scrape = awaitScrape(s -> s.value("sourced_consumer_lag_events", "consumer", consumer) >= 0);

        Set<String> queried = metricsQueried(Api.JSON.readTree(Files.readString(DASHBOARD)));

        assertThat(queried).as("metrics the dashboard asks for").hasSizeGreaterThan(10);
        assertThat(scrape.names()).as("metrics the application exports").containsAll(queried);
    }

    /**
     * The metric names in the dashboard's PromQL queries: what is left once label matchers, ranges, label lists of
     * {@code by}/{@code without}, strings and Grafana's variables are taken out, less functions and keywords.
     */
    static Set<String> metricsQueried(JsonNode dashboard) {
        Pattern name = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");
        Set<String> keywords = Set.of("and", "or", "unless", "bool", "offset");
        Set<String> names = new TreeSet<>();
        for (String expression : dashboard.findValuesAsText("expr")) {
            String stripped = expression
                    .replaceAll("\"[^\"]*\"", "")
                    .replaceAll("\\{[^}]*}", "")
                    .replaceAll("\\[[^]]*]", "")
                    .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "")
                    .replaceAll("\\$\\w+", "");
            Matcher matcher = name.matcher(stripped);
            while (matcher.find()) {
                if (!keywords.contains(matcher.group())) {
                    names.add(matcher.group());
                }
            }
        }
        return names;
    }

    private String order(String productId) {
        Api.Answer placed = admin.placeOrder(customer, Map.of(productId, 1));
        assertThat(placed.status()).as(placed.raw()).isEqualTo(202);
        return placed.id("orderId");
    }

    private static JsonNode health(Api caller) {
        return caller.get("/actuator/health").body();
    }

    /** Scrapes as Prometheus does until the scrape satisfies the condition; answers that scrape. */
    private Scrape awaitScrape(Predicate<Scrape> condition) {
        Scrape[] last = new Scrape[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    Api.Answer answer = prometheus.get("/actuator/prometheus");
                    assertThat(answer.status()).isEqualTo(200);
                    last[0] = Scrape.of(answer.raw());
                    assertThat(condition.test(last[0]))
                            .as(answer.raw()
                                    .lines()
                                    .filter(line -> line.startsWith("sourced_"))
                                    .collect(Collectors.joining("\n")))
                            .isTrue();
                });
        return last[0];
    }
}
