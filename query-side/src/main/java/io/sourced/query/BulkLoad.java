package io.sourced.query;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * A template for a load of tables from the first event of the log, on PostgreSQL: a {@link JdbcBatch} of a plain
 * insert written through it goes in by {@code COPY}, which the database takes for much less than the same rows as
 * statements. For a load into tables without their keys on {@code event_id}, applying each event once: an insert's
 * {@code ON CONFLICT DO NOTHING} then has nothing to do, and copying leaves it out; a duplicate would fail the key
 * when it is made after the load.
 */
public final class BulkLoad extends JdbcTemplate {

    private static final Pattern INSERT = Pattern.compile(
            "\\s*INSERT\\s+INTO\\s+(\\w+)\\s*\\(([^)]*)\\)\\s*VALUES\\s*\\(([^)]*)\\)(\\s*ON\\s+CONFLICT\\s+DO\\s+NOTHING)?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAMED = Pattern.compile(":(\\w+)");

    public BulkLoad(DataSource dataSource) {
        super(dataSource);
    }

    /** A statement that can be copied in: a plain insert of named parameters, one per column. */
    record Copy(String command, List<String> names) {

        static Optional<Copy> of(String sql) {
            Matcher insert = INSERT.matcher(sql);
            if (!insert.matches()) {
                return Optional.empty();
            }
            List<String> columns = split(insert.group(2));
            List<String> values = split(insert.group(3));
            if (columns.size() != values.size()
                    || !values.stream().allMatch(value -> NAMED.matcher(value).matches())) {
                return Optional.empty();
            }
            return Optional.of(new Copy(
                    "COPY " + insert.group(1) + " (" + String.join(", ", columns) + ") FROM STDIN",
                    values.stream().map(value -> value.substring(1)).toList()));
        }

        private static List<String> split(String list) {
            return Arrays.stream(list.split(",")).map(String::trim).toList();
        }

        /** The rows in COPY's text format; empty when a value is of a type this does not write. */
        Optional<String> text(List<SqlParameterSource> rows) {
            StringBuilder text = new StringBuilder(rows.size() * 128);
            for (SqlParameterSource row : rows) {
                for (int i = 0; i < names.size(); i++) {
                    if (i > 0) {
                        text.append('\t');
                    }
                    if (!append(text, row.getValue(names.get(i)))) {
                        return Optional.empty();
                    }
                }
                text.append('\n');
            }
            return Optional.of(text.toString());
        }

        private static boolean append(StringBuilder text, Object value) {
            if (value == null) {
                text.append("\\N");
            } else if (value instanceof CharSequence chars) {
                escaped(text, chars);
            } else if (value instanceof BigDecimal decimal) {
                text.append(decimal.toPlainString());
            } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                text.append(value);
            } else if (value instanceof Boolean bool) {
                text.append(bool ? 't' : 'f');
            } else if (value instanceof OffsetDateTime || value instanceof LocalDate) {
                text.append(value);
            } else {
                return false;
            }
            return true;
        }

        private static void escaped(StringBuilder text, CharSequence chars) {
            for (int i = 0; i < chars.length(); i++) {
                char c = chars.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(c);
                }
            }
        }
    }

    /** Copies the rows in, in the current transaction; false (and nothing written) when they cannot be copied. */
    boolean copy(Copy statement, List<SqlParameterSource> rows) {
        Optional<String> text = statement.text(rows);
        if (text.isEmpty()) {
            return false;
        }
        execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(statement.command(), new StringReader(text.get()));
            } catch (IOException e) {
                throw new IllegalStateException("Could not copy rows in: " + statement.command(), e);
            }
        });
        return true;
    }
}
