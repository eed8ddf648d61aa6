package io.sourced.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Suites of replica processes on one database of their own, stopped and dropped after each test. */
abstract class ReplicasOnOneDatabase {

    private static final Logger log = LoggerFactory.getLogger(ReplicasOnOneDatabase.class);

    Database database;
    final List<ReplicaProcess> replicas = new ArrayList<>();

    /** The PostgreSQL database the replicas share: its event store and every other table. */
    JdbcTemplate eventStore() {
        return new JdbcTemplate(new DriverManagerDataSource(
                Database.POSTGRES_HOST + database.postgresName(), Database.POSTGRES_USER, ""));
    }

    @AfterEach
    void stopReplicasAndDropTheDatabase() {
        replicas.forEach(ReplicaProcess::close);
        if (database != null) {
            database.drop();
        }
    }

    /** Two replicas, "replica-a" and "replica-b", on a fresh PostgreSQL database, once both are healthy. */
    List<ReplicaProcess> startTwo(List<String> arguments) {
        database = Database.postgres();
        ReplicaProcess a = ReplicaProcess.start(database, "replica-a", arguments);
        replicas.add(a);
        ReplicaProcess b = ReplicaProcess.start(database, "replica-b", arguments);
        replicas.add(b);
        return List.of(a.awaitHealthy(), b.awaitHealthy());
    }

    /** The processors API of one replica shows both replicas holding segments of the parallel processors. */
    void awaitSegmentsHeldByBoth(ReplicaProcess through) {
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

    List<String> ownersOfSegments() {
        return eventStore().queryForList("SELECT DISTINCT COALESCE(owner, '(nobody)') FROM tokenentry", String.class);
    }

    /** What the load's orders came to, in the test's log. */
    void report(String fault, int orders, ConcurrencyScenario.Load load) {
        EventLog events = EventLog.read(eventStore());
        log.info(
                "{}: {} orders sent through 2 replicas, {} answered 2xx, other answers {}, unanswered {},"
                        + " refused for the moment and sent again {}; outcomes {}",
                fault,
                orders,
                load.accepted().size(),
                load.otherStatuses(),
                load.unanswered(),
                load.refused(),
                load.accepted().stream()
                        .map(events::terminalOf)
                        .collect(Collectors.groupingBy(status -> status, Collectors.counting())));
    }
}
