package io.sourced.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The workflow under the postgres profile, on a fresh PostgreSQL database. */
class PostgresWorkflowIT extends WorkflowScenarios {

    @Override
    Database database() {
        return Database.postgres();
    }

    @Test
    void payloads_areBinaryNotLargeObjects_andTheGlobalIndexHasNoGaps() {
        String product = admin.registerProduct(unique("Clip"), "1.00", 5);
        admin.restock(product, 2);
        var columns = instance.jdbc().queryForList("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_schema = 'public' AND data_type IN ('oid', 'bytea')""");
        assertThat(columns)
                .isNotEmpty()
                .allSatisfy(column -> assertThat(column.get("data_type")).isEqualTo("bytea"));
        var sequence = instance.jdbc().queryForMap("""
                SELECT seqincrement, seqcache FROM pg_sequence
                WHERE seqrelid = pg_get_serial_sequence('domainevententry', 'globalindex')::regclass""");
        assertThat(((Number) sequence.get("seqincrement")).longValue()).isEqualTo(1);
        assertThat(((Number) sequence.get("seqcache")).longValue()).isEqualTo(1);
    }
}
