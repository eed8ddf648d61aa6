package io.sourced.query;

import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A processing group whose views can be rebuilt beside the live ones: the tables it owns, and its projectors made anew
 * on another database connection (one whose unqualified table names are the rebuild's own tables). The groups of one
 * event processor are rebuilt together, since they share its token.
 *
 * @param group      the processing group
 * @param tables     every table its projectors write
 * @param projectors its projectors, writing through the given template
 */
public record RebuildableView(String group, List<String> tables, Function<JdbcTemplate, List<Object>> projectors) {

    public RebuildableView {
        tables = List.copyOf(tables);
    }
}
