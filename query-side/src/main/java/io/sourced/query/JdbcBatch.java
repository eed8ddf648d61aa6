package io.sourced.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.jdbc.core.SqlParameter;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The rows of one statement with named parameters, gathered and written as one JDBC batch (through a
 * {@link BulkLoad}, a plain insert is copied in instead).
 *
 * @param <R> what a row is made from
 */
public final class JdbcBatch<R> {

    private static final Map<String, Positional> POSITIONAL = new ConcurrentHashMap<>();
    private static final Map<String, Optional<BulkLoad.Copy>> COPIES = new ConcurrentHashMap<>();

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
        List<SqlParameterSource> named =
                written.stream().<SqlParameterSource>map(parameters).toList();
        if (jdbc.getJdbcTemplate() instanceof BulkLoad load) {
            Optional<BulkLoad.Copy> copy = COPIES.computeIfAbsent(sql, BulkLoad.Copy::of);
            if (copy.isPresent() && load.copy(copy.get(), named)) {
                int[] inserted = new int[named.size()];
                Arrays.fill(inserted, 1);
                return inserted;
            }
        }
        Positional statement = POSITIONAL.computeIfAbsent(sql, text -> Positional.of(text, named.get(0)));
        return jdbc.getJdbcTemplate()
                .batchUpdate(
                        statement.sql(), named.stream().map(statement::values).toList());
    }

    /**
     * A statement's {@code :name} parameters as JDBC's {@code ?}, in their order: each row's values are looked up
     * once by name, rather than several times over for every parameter of every row, which is what a rebuild of
     * millions of rows would spend much of its time on.
     */
    private record Positional(String sql, List<String> names) {

        static Positional of(String sql, SqlParameterSource example) {
            ParsedSql parsed = NamedParameterUtils.parseSqlStatement(sql);
            return new Positional(
                    NamedParameterUtils.substituteNamedParameters(parsed, null),
                    NamedParameterUtils.buildSqlParameterList(parsed, example).stream()
                            .map(SqlParameter::getName)
                            .toList());
        }

        Object[] values(SqlParameterSource row) {
            Object[] values = new Object[names.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.getValue(names.get(i));
            }
            return values;
        }
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
