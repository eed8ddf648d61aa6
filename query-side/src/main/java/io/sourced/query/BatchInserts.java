package io.sourced.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rows a batch inserts, by statement, written as one JDBC batch each, in the order the statements were first used. */
public final class BatchInserts {

    private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();

    public void add(String sql, Object... values) {
        rows.computeIfAbsent(sql, ignored -> new ArrayList<>()).add(values);
    }

    public void write(JdbcTemplate jdbc) {
        rows.forEach(jdbc::batchUpdate);
        rows.clear();
    }
}
