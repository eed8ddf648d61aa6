package io.sourced.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

class BulkLoadTest {

    @Test
    void plainInsert_isCopied_itsOnConflictDoNothingLeftOut() {
        BulkLoad.Copy copy = BulkLoad.Copy.of("""
                        INSERT INTO order_history_view (event_id, order_id, occurred_at)
                        VALUES (:eventId, :orderId, :occurredAt)
                        ON CONFLICT DO NOTHING""").orElseThrow();

        assertThat(copy.command()).isEqualTo("COPY order_history_view (event_id, order_id, occurred_at) FROM STDIN");
        assertThat(copy.names()).containsExactly("eventId", "orderId", "occurredAt");
    }

    @Test
    void insertWithAnExpression_orAnUpdate_isNotCopied() {
        assertThat(BulkLoad.Copy.of("INSERT INTO day_report (placed, report_day) VALUES (:placed + 1, :day)"))
                .isEmpty();
        assertThat(BulkLoad.Copy.of("INSERT INTO t (a) VALUES (:a) ON CONFLICT (a) DO UPDATE SET a = :a"))
                .isEmpty();
        assertThat(BulkLoad.Copy.of("UPDATE order_view SET status = :status WHERE order_id = :orderId"))
                .isEmpty();
    }

    @Test
    void rows_areWrittenInCopysTextFormat_nullsAndEscapesIncluded() {
        BulkLoad.Copy copy = BulkLoad.Copy.of("INSERT INTO t (a, b, c, d, e) VALUES (:a, :b, :c, :d, :e)")
                .orElseThrow();
        SqlParameterSource row = new MapSqlParameterSource()
                .addValue("a", "tab\there, line\nbreak, back\\slash")
                .addValue("b", null)
                .addValue("c", new BigDecimal("1.50"))
                .addValue("d", SqlTime.of(Instant.parse("2026-12-07T10:00:00.125Z")))
                .addValue("e", 7L);

        assertThat(copy.text(List.of(row, row)))
                .hasValue(("tab\\there, line\\nbreak, back\\\\slash\t\\N\t1.50\t2026-12-07T10:00:00.125Z\t7\n")
                        .repeat(2));
    }

    @Test
    void valueOfATypeItDoesNotWrite_leavesTheRowsToStatements() {
        BulkLoad.Copy copy = BulkLoad.Copy.of("INSERT INTO t (a) VALUES (:a)").orElseThrow();

        assertThat(copy.text(List.of(new MapSqlParameterSource("a", UUID.randomUUID()))))
                .isEmpty();
    }
}
