package io.sourced.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sourced.app.it.ConcurrencyScenario.Load;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two application processes (separate JVMs, started from the built jar) on one PostgreSQL database, under orders
 * placed through both in turn on scarce stock and money: they share every processor's segments and behave as one;
 * a replica killed mid-load leaves its segments, sagas and deadlines to the survivor; a PostgreSQL restart mid-load
 * is ridden out without restarting anything. Afterwards every order that got a 2xx is terminal, every invariant of
 * DESIGN.md holds, and no saga effect is in the log twice. A replay asked of one replica rebuilds the view while the
 * other runs.
 */
class PostgresReplicasIT extends ReplicasOnOneDatabase {

    private static final Logger log = LoggerFactory.getLogger(PostgresReplicasIT.class);
    private static final int ORDERS = 300;
    private static final int CLIENTS = 8;
    /** Stock and deposits of five rounds of the scarce catalog: some orders accepted, many refused. */
    private static final int SCARCITY = 5;

    @Test
    void twoReplicas_shareSegmentsAndLoad_doNothingTwice_andHandOverWhenStopped() throws Exception {
        List<ReplicaProcess> two = startTwo(List.of());
        ReplicaProcess a = two.get(0);
        ReplicaProcess b = two.get(1);
        awaitSegmentsHeldByBoth(a);
        ConcurrencyScenario scenario = new ConcurrencyScenario(eventStore(), a.admin);
        scenario.stockUp(SCARCITY);

        Load load = scenario.place(List.of(a.admin, b.admin), ORDERS, CLIENTS, Integer.MAX_VALUE, () -> {});

        assertThat(load.otherStatuses()).as("answers other than 2xx").isEmpty();
        assertThat(load.unanswered()).isZero();
        assertThat(load.accepted()).hasSize(ORDERS);
        scenario.settle(load.accepted());
        report("two replicas", load);

        Api.Answer replay = a.admin.post("/api/admin/processors/orders-view/replay", null);
        assertThat(replay.status()).as(replay.raw()).isEqualTo(202);
        scenario.settle(load.accepted());
        awaitSegmentsHeldByBoth(b);

        int exit = b.stop(Duration.ofSeconds(60));
        assertThat(exit).as("exit code of a replica stopped by SIGTERM").isIn(0, 143);
        assertThat(ownersOfSegments()).as("claims left by the stopped replica").doesNotContain(b.name);
        assertThat(eventStore().queryForList("SELECT name FROM replica", String.class))
                .containsExactly(a.name);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(ownersOfSegments()).containsExactly(a.name));
        String customer = a.admin.openCustomer(WorkflowScenarios.unique("After"), "50");
        String product = a.admin.registerProduct(WorkflowScenarios.unique("After"), "5.00", 3);
        String order = a.admin.placeOrder(customer, Map.of(product, 1)).id("orderId");
        assertThat(a.admin.awaitTerminal(order).path("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void replicaKilledMidLoad_survivorTakesOverSegmentsSagasAndDeadlines() throws Exception {
        // a short timeout: sagas stalled in the killed replica's segments meet their deadline on the survivor
        List<ReplicaProcess> two = startTwo(List.of("--sourced.order.timeout=5s"));
        ReplicaProcess a = two.get(0);
        ReplicaProcess b = two.get(1);
        awaitSegmentsHeldByBoth(a);
        ConcurrencyScenario scenario = new ConcurrencyScenario(eventStore(), a.admin);
        scenario.stockUp(SCARCITY);

        Load load = scenario.place(List.of(a.admin, b.admin), ORDERS, CLIENTS, ORDERS / 3, b::kill);

        assertThat(b.alive()).isFalse();
        assertThat(load.otherStatuses()).as("answers other than 2xx").isEmpty();
        assertThat(load.accepted()).hasSizeGreaterThan(ORDERS / 2);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(ownersOfSegments()).containsExactly(a.name));
        scenario.settle(load.accepted());
        await().atMost(Duration.ofSeconds(60)).until(() -> scheduledDeadlines() == 0);
        report("a replica killed", load);
    }

    @Test
    void postgresRestartedMidLoad_replicasRecoverOnTheirOwn() throws Exception {
        List<ReplicaProcess> two = startTwo(List.of());
        ReplicaProcess a = two.get(0);
        ReplicaProcess b = two.get(1);
        ConcurrencyScenario scenario = new ConcurrencyScenario(eventStore(), a.admin);
        scenario.stockUp(SCARCITY);

        Load load = scenario.place(List.of(a.admin, b.admin), ORDERS, CLIENTS, ORDERS / 3, Database::restartPostgres);

        assertThat(load.otherStatuses().keySet())
                .as("while the database restarts: 503, never a 500")
                .isSubsetOf(503);
        assertThat(load.unanswered()).isZero();
        assertThat(load.accepted()).hasSizeGreaterThan(ORDERS / 2);
        scenario.settle(load.accepted());
        assertThat(List.of(a.alive(), b.alive()))
                .as("neither replica restarted")
                .containsExactly(true, true);
        assertThat(List.of(a.healthy(), b.healthy())).containsExactly(true, true);
        report("PostgreSQL restarted", load);
    }

    private List<ReplicaProcess> startTwo(List<String> arguments) {
        database = Database.postgres();
        ReplicaProcess a = ReplicaProcess.start(database, "replica-a", arguments);
        replicas.add(a);
        ReplicaProcess b = ReplicaProcess.start(database, "replica-b", arguments);
        replicas.add(b);
        return List.of(a.awaitHealthy(), b.awaitHealthy());
    }

    /** The processors API of one replica shows both replicas holding segments of the parallel processors. */
    private void awaitSegmentsHeldByBoth(ReplicaProcess through) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    JsonNode processors =
                            through.admin.get("/api/admin/processors").body();
                    for (String name : List.of("views", "OrderFulfilmentSagaProcessor")) {
                        Set<String> holders = new HashSet<>();
                        for (JsonNode processor : processors) {
                            if (processor.path("name").asText().equals(name)) {
                                processor
                                        .path("claims")
                                        .forEach(claim -> holders.add(
                                                claim.path("replica").asText()));
                            }
                        }
                        assertThat(holders)
                                .as("replicas holding segments of %s", name)
                                .containsExactlyInAnyOrder("replica-a", "replica-b");
                    }
                });
    }

    private List<String> ownersOfSegments() {
        return eventStore().queryForList("SELECT DISTINCT COALESCE(owner, '(nobody)') FROM tokenentry", String.class);
    }

    private int scheduledDeadlines() {
        Integer count = eventStore()
                .queryForObject("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name LIKE '%eadline%'", Integer.class);
        return count == null ? 0 : count;
    }

    private void report(String fault, Load load) {
        EventLog events = EventLog.read(eventStore());
        log.info(
                "{}: {} orders sent through 2 replicas, {} answered 2xx, other answers {}, unanswered {},"
                        + " refused for the moment and sent again {}; outcomes {}",
                fault,
                ORDERS,
                load.accepted().size(),
                load.otherStatuses(),
                load.unanswered(),
                load.refused(),
                load.accepted().stream()
                        .map(id -> events.terminalOf(id))
                        .collect(java.util.stream.Collectors.groupingBy(
                                status -> status, java.util.stream.Collectors.counting())));
    }
}
