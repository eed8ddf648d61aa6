package io.sourced.app.it;

import static io.sourced.app.it.WorkflowScenarios.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sourced.app.it.CommitCuttingProxy.When;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The data lake when its processor loses the database connection at a batch's COMMIT, so that the processor is told
 * the batch failed without knowing whether it committed: the application reaches PostgreSQL through a proxy that
 * cuts the connection of the next transaction recording a lake file, either once the server has reported the COMMIT
 * done (it committed) or instead of sending it (it did not). Either way the lake, read back by DuckDB, holds every
 * event of the log exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresUnknownCommitDataLakeIT {

    private static final String RECORDING_A_FILE = "INSERT INTO lake_file";

    private Database database;
    private CommitCuttingProxy proxy;
    private Instance instance;
    private Path lake;

    @BeforeAll
    void start() {
        database = Database.postgres();
        lake = database.lakeFolder();
        proxy = CommitCuttingProxy.to("127.0.0.1", 5432);
        instance = Instance.start(database, List.of(proxy.datasourceArgument(database)));
    }

    @AfterAll
    void stop() throws Exception {
        if (instance != null) {
            instance.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void aBatchCommittedUnbeknownToTheProcessor_losesNoLine() {
        cutTheNextLakeBatch(When.AFTER_COMMIT);
    }

    @Test
    void aBatchWhoseCommitNeverReachedTheDatabase_isWrittenOnceWhenRedelivered() {
        cutTheNextLakeBatch(When.BEFORE_COMMIT);
    }

    private void cutTheNextLakeBatch(When when) {
        Api admin = instance.admin;
        String product = admin.registerProduct(unique("Cut"), "2.00", 50);
        String customer = admin.openCustomer(unique("Cut"), "100");
        instance.awaitQuiet();
        SharedLakeChecks.awaitTheLakeHoldsTheLog(instance.jdbc(), lake);
        int cutsBefore = proxy.cuts();

        proxy.cutNextTransactionWith(RECORDING_A_FILE, when);
        List<String> orders = List.of(
                admin.placeOrder(customer, Map.of(product, 1)).id("orderId"),
                admin.placeOrder(customer, Map.of(product, 2)).id("orderId"));

        await().atMost(Duration.ofSeconds(60)).until(() -> proxy.cuts() > cutsBefore);
        orders.forEach(order ->
                assertThat(admin.awaitTerminal(order).path("status").asText()).isEqualTo("ACCEPTED"));
        instance.awaitQuiet();
        SharedLakeChecks.awaitTheLakeHoldsTheLog(instance.jdbc(), lake);
        SharedLakeChecks.assertEveryEventOnce(instance.jdbc(), lake);
    }
}
