package io.sourced.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

class JdbcBatchTest {

    private record Stock(String product, Integer available) {}

    private JdbcTemplate jdbc;
    private NamedParameterJdbcTemplate named;

    @BeforeEach
    void setUp() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:batch-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE stock (product VARCHAR(20) PRIMARY KEY, available INT)");
        named = new NamedParameterJdbcTemplate(jdbc);
    }

    @Test
    void theRowsGathered_areWrittenByName_once() {
        JdbcBatch<Stock> inserts = stock("INSERT INTO stock (available, product) VALUES (:available, :product)")
                .add(new Stock("apples", 3))
                .addAll(List.of(new Stock("pears", null)));

        assertThat(inserts.write(named)).containsExactly(1, 1);
        assertThat(inserts.write(named)).as("nothing left to write").isEmpty();

        assertThat(stock()).containsExactly("apples 3", "pears null");
    }

    @Test
    void noRows_sendNoStatement() {
        assertThat(stock("INSERT INTO no_such_table (product) VALUES (:product)")
                        .write(named))
                .isEmpty();
    }

    @Test
    void aRowTheUpdateFindsNot_isInserted() {
        jdbc.update("INSERT INTO stock (product, available) VALUES ('apples', 3)");

        stock("UPDATE stock SET available = available + :available WHERE product = :product")
                .add(new Stock("apples", 2))
                .add(new Stock("plums", 7))
                .writeOrInsert(named, "INSERT INTO stock (product, available) VALUES (:product, :available)");

        assertThat(stock()).containsExactly("apples 5", "plums 7");
    }

    private static JdbcBatch<Stock> stock(String sql) {
        return JdbcBatch.of(
                sql,
                (Stock stock) -> new MapSqlParameterSource()
                        .addValue("product", stock.product())
                        .addValue("available", stock.available()));
    }

    private List<String> stock() {
        return jdbc.query(
                "SELECT product, available FROM stock ORDER BY product",
                (rs, i) -> rs.getString(1) + " " + rs.getObject(2));
    }
}
