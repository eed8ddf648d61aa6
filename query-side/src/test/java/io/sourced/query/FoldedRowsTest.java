package io.sourced.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

class FoldedRowsTest {

    private final Map<String, Long> versions = new HashMap<>(Map.of("apples", 3L));
    private final Map<String, Integer> rows = new HashMap<>(Map.of("apples", 10));
    private final Map<String, Integer> reads = new HashMap<>();
    private final FoldedRows<String, Integer> batch = new FoldedRows<>(
            id -> {
                reads.merge(id, 1, Integer::sum);
                return versions.get(id);
            },
            rows::get);

    @Test
    void eachRow_isReadOnce_andFoldedInMemory() {
        assertThat(batch.fold("apples", 4, stock -> stock - 1)).isTrue();
        assertThat(batch.fold("apples", 5, stock -> stock - 2)).isTrue();

        assertThat(reads).containsEntry("apples", 1);
        assertThat(batch.changed()).containsExactly(Map.entry("apples", new FoldedRows.Changed<>(true, 5, 7)));
    }

    @Test
    void anEventAppliedBefore_changesNothing() {
        assertThat(batch.fold("apples", 3, stock -> stock - 1)).isFalse();
        assertThat(batch.fold("apples", 4, stock -> stock - 1)).isTrue();
        assertThat(batch.fold("apples", 4, stock -> stock - 1))
                .as("delivered again in the batch")
                .isFalse();

        assertThat(batch.changed().get("apples").row()).isEqualTo(9);
    }

    @Test
    void aNewRow_startsFromNothing_andIsNotStored() {
        assertThat(batch.fold("pears", 0, nothing -> nothing == null ? 5 : -1)).isTrue();
        assertThat(batch.fold("plums", 0, nothing -> null))
                .as("an event that makes no row")
                .isFalse();

        assertThat(batch.changed()).containsOnlyKeys("pears");
        assertThat(batch.changed().get("pears")).isEqualTo(new FoldedRows.Changed<>(false, 0, 5));
    }

    @Test
    void rowsUntouchedOrUnchanged_areNotWritten() {
        batch.fold("apples", 2, stock -> stock - 1);

        assertThat(batch.changed()).isEmpty();
    }

    @Test
    void theRowsChanged_areInsertedWhenNew_andUpdatedWhenStored() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:folded-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE stock (product VARCHAR(20) PRIMARY KEY, available INT, version BIGINT)");
        jdbc.update("INSERT INTO stock VALUES ('apples', 10, 3)");
        batch.fold("apples", 4, stock -> stock - 1);
        batch.fold("pears", 0, nothing -> 5);

        batch.write(
                new NamedParameterJdbcTemplate(jdbc),
                "INSERT INTO stock (product, available, version) VALUES (:product, :available, :version)",
                "UPDATE stock SET available = :available, version = :version WHERE product = :product",
                (product, changed) -> new MapSqlParameterSource()
                        .addValue("product", product)
                        .addValue("available", changed.row())
                        .addValue("version", changed.version()));

        assertThat(jdbc.query(
                        "SELECT product, available, version FROM stock ORDER BY product",
                        (rs, i) -> rs.getString(1) + " " + rs.getInt(2) + " v" + rs.getLong(3)))
                .isEqualTo(List.of("apples 9 v4", "pears 5 v0"));
    }
}
