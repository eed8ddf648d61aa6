package io.sourced.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresEventSourcingIT extends EventSourcingScenarios {

    /** The view tables' indexes and persistence, as the migrations made them: what a rebuild must hand over. */
    private static final String SHAPE = """
            SELECT t.relname AS table_name, t.relpersistence AS persistence, i.relname AS index_name
            FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
            LEFT JOIN pg_index x ON x.indrelid = t.oid LEFT JOIN pg_class i ON i.oid = x.indexrelid
            WHERE n.nspname = 'public' AND t.relkind = 'r'
              AND t.relname IN ('order_view', 'order_line_view', 'order_history_view', 'event_log_view',
                                'customer_transaction_view', 'order_timing_report', 'product_day_report')
            ORDER BY 1, 3""";

    @Override
    Database database() {
        return Database.postgres();
    }

    @Test
    void rebuild_handsOverLoggedTablesWithEveryIndexTheMigrationsMade() {
        List<Map<String, Object>> before = instance.jdbc().queryForList(SHAPE);

        assertThat(admin.post("/api/admin/views/rebuild", Map.of()).status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(
                                instance.jdbc().queryForList("SELECT DISTINCT state FROM view_rebuild", String.class))
                        .containsExactly("DONE"));
        assertThat(instance.jdbc().queryForList(SHAPE)).isEqualTo(before);
        assertThat(before).extracting(row -> row.get("persistence")).containsOnly("p");
        assertThat(before)
                .extracting(row -> row.get("index_name"))
                .as("secondary indexes, and the keys on event_id the load does without")
                .contains("event_log_view_trace", "order_history_view_pkey", "event_log_view_event_id_key");
        assertThat(instance.jdbc()
                        .queryForList(
                                "SELECT conname FROM pg_constraint WHERE conrelid = 'public.order_history_view'::regclass"
                                        + " AND contype = 'p'",
                                String.class))
                .containsExactly("order_history_view_pkey");
    }
}
