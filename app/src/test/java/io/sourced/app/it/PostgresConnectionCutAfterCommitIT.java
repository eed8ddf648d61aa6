package io.sourced.app.it;

import static io.sourced.app.it.WorkflowScenarios.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.finance.FundsDepositedEvent;
import io.sourced.api.finance.FundsWithdrawnEvent;
import io.sourced.api.inventory.ProductRestockedEvent;
import io.sourced.app.it.Api.Answer;
import io.sourced.app.it.CommitCuttingProxy.When;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Deposits, withdrawals and restocks whose transaction committed while the application lost its database connection
 * before hearing so: the application reaches PostgreSQL through a proxy that lets the next transaction appending an
 * event commit and then cuts its connection, so the command's outcome is unknown and it is sent again. The operation
 * is applied once: one event in the log, and the balance or stock moved once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresConnectionCutAfterCommitIT {

    private static final String APPENDING_AN_EVENT = "INSERT INTO DomainEventEntry";

    private Database database;
    private CommitCuttingProxy proxy;
    private Instance instance;
    private Api admin;

    @BeforeAll
    void start() {
        database = Database.postgres();
        proxy = CommitCuttingProxy.to("127.0.0.1", 5432);
        instance = Instance.start(database, List.of(proxy.datasourceArgument(database)));
        admin = instance.admin;
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
    void depositCommittedUnbeknownToTheApplication_isAppliedOnce() {
        String customer = admin.openCustomer(unique("Cut"), "100");

        cutAfterCommit(() -> admin.post("/api/customers/" + customer + "/deposits", Map.of("amount", 10)));

        assertThat(eventsOf(customer, FundsDepositedEvent.class)).isEqualTo(2);
        assertThat(balanceOf(customer)).isEqualByComparingTo("110");
    }

    @Test
    void withdrawalCommittedUnbeknownToTheApplication_isAppliedOnce() {
        String customer = admin.openCustomer(unique("Cut"), "100");

        cutAfterCommit(() -> admin.post("/api/customers/" + customer + "/withdrawals", Map.of("amount", 30)));

        assertThat(eventsOf(customer, FundsWithdrawnEvent.class)).isEqualTo(1);
        assertThat(balanceOf(customer)).isEqualByComparingTo("70");
    }

    @Test
    void restockCommittedUnbeknownToTheApplication_isAppliedOnce() {
        String product = admin.registerProduct(unique("Cut"), "2.00", 5);

        cutAfterCommit(() -> admin.post("/api/products/" + product + "/restock", Map.of("quantity", 3)));

        assertThat(eventsOf(product, ProductRestockedEvent.class)).isEqualTo(1);
        instance.awaitQuiet();
        assertThat(admin.get("/api/products/" + product)
                        .body()
                        .path("available")
                        .asInt())
                .isEqualTo(8);
    }

    /** The request's first transaction commits and loses its connection; the request still succeeds. */
    private void cutAfterCommit(Supplier<Answer> request) {
        instance.awaitQuiet();
        int cutsBefore = proxy.cuts();
        proxy.cutNextTransactionWith(APPENDING_AN_EVENT, When.AFTER_COMMIT);

        Answer answer = request.get();

        assertThat(proxy.cuts()).as("a commit was cut").isEqualTo(cutsBefore + 1);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
    }

    private long eventsOf(String aggregateId, Class<?> eventType) {
        Long count = instance.jdbc()
                .queryForObject(
                        "SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype = ?",
                        Long.class,
                        aggregateId,
                        eventType.getName());
        return count == null ? 0 : count;
    }

    private BigDecimal balanceOf(String customer) {
        instance.awaitQuiet();
        return admin.get("/api/customers/" + customer).body().path("balance").decimalValue();
    }
}
