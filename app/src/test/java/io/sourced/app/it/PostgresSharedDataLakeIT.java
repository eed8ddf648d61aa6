package io.sourced.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sourced.app.it.ConcurrencyScenario.Load;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Replicas (separate processes from the built jar) on one PostgreSQL database and one lake folder, under orders: the
 * data-lake segment changes hands mid-load when the replica holding it is stopped or killed, and a replica whose
 * folder is not the shared one writes no lake of its own. Afterwards the lake, read back by DuckDB, holds every event
 * of the log exactly once.
 */
class PostgresSharedDataLakeIT extends ReplicasOnOneDatabase {

    private static final int ORDERS = 120;
    private static final int CLIENTS = 6;
    private static final String REFUSAL = "The data-lake processor does not run on this replica";

    @Test
    void theLakeHolder_stoppedMidLoad_handsTheLakeOver_andEveryEventIsInItOnce() throws Exception {
        handOverMidLoad(
                holder -> assertThat(holder.stop(Duration.ofSeconds(60))).isIn(0, 143));
    }

    @Test
    void theLakeHolder_killedMidLoad_handsTheLakeOver_andEveryEventIsInItOnce() throws Exception {
        handOverMidLoad(ReplicaProcess::kill);
    }

    @Test
    void aReplicaWithAFolderOfItsOwn_writesNoLake_saysWhyOnce_andServes() throws IOException {
        database = Database.postgres();
        ReplicaProcess shared = start("replica-shared", List.of()).awaitHealthy();
        Path own = Files.createTempDirectory("sourced-it-own-lake-");
        ReplicaProcess apart =
                start("replica-apart", List.of("--sourced.lake.folder=" + own)).awaitHealthy();

        String customer = apart.admin.openCustomer(WorkflowScenarios.unique("Apart"), "20");
        String product = apart.admin.registerProduct(WorkflowScenarios.unique("Apart"), "2.00", 3);
        String order = apart.admin.placeOrder(customer, Map.of(product, 1)).id("orderId");
        assertThat(apart.admin.awaitTerminal(order).path("status").asText()).isEqualTo("ACCEPTED");

        SharedLakeChecks.awaitTheLakeHoldsTheLog(store(), database.lakeFolder());
        SharedLakeChecks.assertEveryEventOnce(store(), database.lakeFolder());
        try (Stream<Path> written = Files.walk(own)) {
            assertThat(written.filter(Files::isRegularFile))
                    .as("written into its own folder")
                    .isEmpty();
        }
        assertThat(statusOf(apart, "data-lake").path("status").asText()).isEqualTo("STOPPED");
        assertThat(occurrences(Files.readString(apart.log), REFUSAL))
                .as("said once, in " + apart.log)
                .isEqualTo(1);
        assertThat(Files.readString(apart.log)).contains(own.toString(), "sourced.lake.folder");
        assertThat(Files.readString(shared.log)).doesNotContain(REFUSAL);
    }

    private void handOverMidLoad(Consumer<ReplicaProcess> handOver) throws Exception {
        database = Database.postgres();
        ReplicaProcess a = start("replica-a", List.of());
        ReplicaProcess b = start("replica-b", List.of());
        a.awaitHealthy();
        b.awaitHealthy();
        String holderName = await().atMost(Duration.ofSeconds(60)).until(this::lakeHolder, name -> name != null);
        ReplicaProcess holder = holderName.equals(a.name) ? a : b;
        ReplicaProcess survivor = holder == a ? b : a;
        ConcurrencyScenario scenario = new ConcurrencyScenario(store(), survivor.admin);
        scenario.stockUp(2);

        Load load = scenario.place(List.of(survivor.admin), ORDERS, CLIENTS, ORDERS / 3, () -> handOver.accept(holder));

        assertThat(load.otherStatuses()).as("answers other than 2xx").isEmpty();
        assertThat(load.accepted()).hasSize(ORDERS);
        await().atMost(Duration.ofSeconds(60)).until(() -> survivor.name.equals(lakeHolder()));
        scenario.settle(load.accepted());
        SharedLakeChecks.awaitTheLakeHoldsTheLog(store(), database.lakeFolder());
        SharedLakeChecks.assertEveryEventOnce(store(), database.lakeFolder());
    }

    private ReplicaProcess start(String name, List<String> arguments) {
        ReplicaProcess replica = ReplicaProcess.start(database, name, arguments);
        replicas.add(replica);
        return replica;
    }

    private String lakeHolder() {
        List<String> owners =
                store().queryForList("SELECT owner FROM tokenentry WHERE processorname = 'data-lake'", String.class);
        return owners.isEmpty() ? null : owners.get(0);
    }

    private JdbcTemplate store() {
        return new JdbcTemplate(new DriverManagerDataSource(
                Database.POSTGRES_HOST + database.postgresName(), Database.POSTGRES_USER, ""));
    }

    private static JsonNode statusOf(ReplicaProcess replica, String processor) {
        for (JsonNode status : replica.admin.get("/api/admin/processors").body()) {
            if (status.path("name").asText().equals(processor)) {
                return status;
            }
        }
        throw new AssertionError("no processor " + processor);
    }

    private static int occurrences(String text, String phrase) {
        Matcher matcher = Pattern.compile(Pattern.quote(phrase)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
