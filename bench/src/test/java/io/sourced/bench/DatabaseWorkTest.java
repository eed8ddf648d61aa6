package io.sourced.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseWorkTest {

    private static final long BEGIN = 1;
    private static final long TOKEN_UPDATE = 2;
    private static final long VIEW_INSERT = 3;
    private static final long SAGA_READ = 4;
    private static final long WATCHER_POLL = 5;

    @Test
    void theReadSidesShareOfAStepFromTheDifferenceOfTwoSnapshots() {
        DatabaseWork before = new DatabaseWork(
                100,
                Map.of(
                        BEGIN, calls("BEGIN", 50),
                        TOKEN_UPDATE, calls("UPDATE TokenEntry SET token = $1 WHERE processorName = $2", 40),
                        VIEW_INSERT, calls("INSERT INTO order_view (order_id) VALUES ($1)", 10)),
                Map.of("orders-view", 30L, "OrderFulfilmentSagaProcessor", 10L),
                0);
        DatabaseWork after = new DatabaseWork(
                140,
                Map.of(
                        BEGIN, calls("BEGIN", 80),
                        TOKEN_UPDATE, calls("UPDATE TokenEntry SET token = $1 WHERE processorName = $2", 60),
                        VIEW_INSERT, calls("INSERT INTO order_view (order_id) VALUES ($1)", 20),
                        SAGA_READ, calls("SELECT sagaId FROM AssociationValueEntry WHERE associationKey = $1", 10),
                        WATCHER_POLL, calls("SELECT /* sourced-bench */ order_id FROM order_view", 6)),
                Map.of(
                        "orders-view", 42L,
                        "reports", 4L,
                        "OrderFulfilmentSagaProcessor", 14L,
                        "command-lookups", 2L),
                0);

        DatabaseWork.Delta step = after.since(before, 10);

        assertThat(step.commitsPerOrder()).isEqualTo(4);
        assertThat(step.statementsPerOrder()).isEqualTo((30 + 20 + 10 + 10 + 6) / 10.0);
        assertThat(step.statementsPerOrder(StatementKind.RUNNER)).isEqualTo(0.6);
        assertThat(step.statementsPerOrder(StatementKind.SAGA)).isEqualTo(1);
        assertThat(step.readSideTransactions()).isEqualTo(12 + 4);
        assertThat(step.readSideTransactionsPerOrder()).isEqualTo(1.6);
        assertThat(step.tokenWritesPerOrder("OrderFulfilmentSagaProcessor")).isEqualTo(0.4);
        assertThat(step.tokenWritesPerOrder("reports")).isEqualTo(0.4);
        // the view's 10 statements, and a BEGIN and a token UPDATE for each of its 16 transactions
        assertThat(step.readSideStatementsPerOrder()).isEqualTo((10 + 2 * 16) / 10.0);
        assertThat(step.evicted()).isFalse();
    }

    @Test
    void nothingKnownOffPostgres() {
        DatabaseWork.Delta step = DatabaseWork.NONE.since(DatabaseWork.NONE, 10);
        assertThat(step.commitsPerOrder()).isNegative();
        assertThat(step.statementsPerOrder()).isNegative();
        assertThat(step.readSideTransactionsPerOrder()).isNegative();
        assertThat(step.readSideStatementsPerOrder()).isNegative();
    }

    private static DatabaseWork.Calls calls(String query, long calls) {
        return new DatabaseWork.Calls(query, calls);
    }
}
