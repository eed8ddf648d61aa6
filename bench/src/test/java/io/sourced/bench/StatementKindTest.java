package io.sourced.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Texts as pg_stat_statements shows them for the application's database under the workflow. */
class StatementKindTest {

    @Test
    void transactionControlAndSession() {
        assertThat(StatementKind.of("BEGIN")).isEqualTo(StatementKind.TRANSACTION_CONTROL);
        assertThat(StatementKind.of("COMMIT")).isEqualTo(StatementKind.TRANSACTION_CONTROL);
        assertThat(StatementKind.of("ROLLBACK")).isEqualTo(StatementKind.TRANSACTION_CONTROL);
        assertThat(StatementKind.of("SET application_name = 'PostgreSQL JDBC Driver'"))
                .isEqualTo(StatementKind.TRANSACTION_CONTROL);
        assertThat(StatementKind.of("SHOW TRANSACTION ISOLATION LEVEL")).isEqualTo(StatementKind.TRANSACTION_CONTROL);
    }

    @Test
    void tokensAndTheSagasStore() {
        assertThat(StatementKind.of("UPDATE TokenEntry SET token = $1, tokenType = $2, timestamp = $3 WHERE owner = $4"
                        + " AND processorName = $5 AND segment = $6"))
                .isEqualTo(StatementKind.TOKENS);
        assertThat(StatementKind.of("SELECT t.processorname, t.segment FROM tokenentry t LEFT JOIN replica r"
                        + " ON r.name = t.owner"))
                .isEqualTo(StatementKind.TOKENS);
        assertThat(StatementKind.of("SELECT sagaId FROM AssociationValueEntry WHERE associationKey = $1"))
                .isEqualTo(StatementKind.SAGA);
        assertThat(StatementKind.of("UPDATE SagaEntry SET serializedSaga = $1, revision = $2 WHERE sagaId = $3"))
                .isEqualTo(StatementKind.SAGA);
        assertThat(StatementKind.of(
                        "SELECT saga_id, revision, serialized_saga FROM saga_instance WHERE saga_type = $1"))
                .isEqualTo(StatementKind.SAGA);
        assertThat(StatementKind.of("select * from scheduled_tasks where task_name = $1 and task_instance = $2"))
                .isEqualTo(StatementKind.SAGA);
    }

    @Test
    void theEventStoreAppendsAndAggregateReadsApartFromTrackingReads() {
        assertThat(StatementKind.of(
                        "INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier) VALUES ($1,$2)"))
                .isEqualTo(StatementKind.EVENT_APPENDS);
        assertThat(StatementKind.of("SELECT max(sequenceNumber) FROM DomainEventEntry WHERE aggregateIdentifier = $1"))
                .isEqualTo(StatementKind.EVENT_APPENDS);
        assertThat(StatementKind.of("SELECT eventIdentifier FROM SnapshotEventEntry WHERE aggregateIdentifier = $1"
                        + " ORDER BY sequenceNumber DESC"))
                .isEqualTo(StatementKind.EVENT_APPENDS);
        assertThat(StatementKind.of("SELECT globalIndex, payload FROM DomainEventEntry WHERE (globalIndex > $1 AND"
                        + " globalIndex <= $2) ORDER BY globalIndex ASC"))
                .isEqualTo(StatementKind.EVENT_TRACKING);
        assertThat(StatementKind.of("SELECT min(globalIndex) FROM DomainEventEntry WHERE globalIndex > $1"))
                .isEqualTo(StatementKind.EVENT_TRACKING);
        assertThat(StatementKind.of("SELECT max(globalIndex) FROM DomainEventEntry"))
                .isEqualTo(StatementKind.EVENT_TRACKING);
    }

    @Test
    void lookupsAndPeriodicWorkAreNotTheReadSide() {
        assertThat(StatementKind.of("SELECT COUNT(*) FROM known_customer WHERE customer_id = $1"))
                .isEqualTo(StatementKind.COMMAND_LOOKUPS);
        assertThat(StatementKind.of(
                        "UPDATE replica SET heartbeat_at = CURRENT_TIMESTAMP, processors = $1" + " WHERE name = $2"))
                .isEqualTo(StatementKind.OTHER);
        assertThat(StatementKind.of("SELECT processor FROM replay_request WHERE requested_at > $1"))
                .isEqualTo(StatementKind.OTHER);
        assertThat(StatementKind.of("SELECT username, password_hash FROM sign_in WHERE username = $1"))
                .isEqualTo(StatementKind.OTHER);
        assertThat(StatementKind.of(
                        "/*NO LOAD BALANCE*/ SELECT \"installed_rank\" FROM" + " \"public\".\"flyway_schema_history\""))
                .isEqualTo(StatementKind.OTHER);
        assertThat(StatementKind.of("SELECT version()")).isEqualTo(StatementKind.OTHER);
    }

    @Test
    void theRestIsTheReadSide() {
        assertThat(StatementKind.of("SELECT COUNT(*) FROM DeadLetterEntry WHERE processingGroup=$1"))
                .isEqualTo(StatementKind.READ_SIDE);
        assertThat(StatementKind.of("SELECT version FROM product_view WHERE product_id = $1"))
                .isEqualTo(StatementKind.READ_SIDE);
        assertThat(StatementKind.of("INSERT INTO lake_event (position, event_id) VALUES ($1, $2)"))
                .isEqualTo(StatementKind.READ_SIDE);
        assertThat(StatementKind.of("SELECT answer FROM external_journal WHERE event_id = $1 AND system = $2"))
                .isEqualTo(StatementKind.READ_SIDE);
        assertThat(StatementKind.of("UPDATE tier_revenue_report SET orders = orders + $3 WHERE tier = $2"))
                .isEqualTo(StatementKind.READ_SIDE);
    }

    @Test
    void theRunnersOwnStatementsAreMarked() {
        assertThat(StatementKind.of(
                        "SELECT /* sourced-bench */ order_id, status FROM order_view" + " WHERE order_id = ANY($1)"))
                .isEqualTo(StatementKind.RUNNER);
        assertThat(StatementKind.of("SELECT /* sourced-bench */ s.queryid FROM pg_stat_statements s"))
                .isEqualTo(StatementKind.RUNNER);
        assertThat(StatementKind.of("SELECT /* sourced-bench */ COALESCE(MAX(globalindex), $1) FROM domainevententry"))
                .isEqualTo(StatementKind.RUNNER);
    }
}
