package io.sourced.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The rows of one statement with named parameters, gathered and written as one JDBC batch.
 *
 * @param <R> what a row is made from
 */
public final class JdbcBatch<R> {

    private final String sql;
    private final Function<? super R, ? extends SqlParameterSource> parameters;
    private final List<R> rows = new ArrayList<>();

    private JdbcBatch(String sql, Function<? super R, ? extends SqlParameterSource> parameters) {
        this.sql = sql;
        this.parameters = parameters;
    }

    /**
     * @param sql        the statement, with {@code :name} parameters
     * @param parameters a row's parameters, by name
     */
    public static <R> JdbcBatch<R> of(String sql, Function<? super R, ? extends SqlParameterSource> parameters) {
        return new JdbcBatch<>(sql, parameters);
    }

    public JdbcBatch<R> add(R row) {
        rows.add(row);
        return this;
    }

    public JdbcBatch<R> addAll(Collection<? extends R> more) {
        rows.addAll(more);
        return this;
    }

    /** Writes the rows gathered (no statement when there are none) and forgets them: what each changed, in order. */
    public int[] write(NamedParameterJdbcTemplate jdbc) {
        List<R> written = List.copyOf(rows);
        rows.clear();
        if (written.isEmpty()) {
            return new int[0];
        }
        return jdbc.batchUpdate(sql, written.stream().map(parameters).toArray(SqlParameterSource[]::new));
    }

    /**
     * Writes the rows gathered with this statement (an update), then with {@code insert} the rows it changed nothing
     * for: one JDBC batch each, the insert taking the same parameters.
     */
    public void writeOrInsert(NamedParameterJdbcTemplate jdbc, String insert) {
        List<R> written = List.copyOf(rows);
        int[] changed = write(jdbc);
        JdbcBatch<R> missing = new JdbcBatch<>(insert, parameters);
        for (int i = 0; i < changed.length; i++) {
            if (changed[i] == 0) {
                missing.add(written.get(i));
            }
        }
        missing.write(jdbc);
    }
}
