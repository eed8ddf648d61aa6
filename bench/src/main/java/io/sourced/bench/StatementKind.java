package io.sourced.bench;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whose work a statement of {@code pg_stat_statements} is, told by its (normalized) text: the tables it names, or
 * its first word. The first kind that matches wins, in the order declared. Whatever names none of the known tables is
 * the read side's (its views, logs, data lake, dead letters, the external journal, the reports).
 */
enum StatementKind {
    RUNNER("the runner's own (its polls of the orders view, its reads of these counts)"),
    TRANSACTION_CONTROL("transaction control and session (`BEGIN`, `COMMIT`, `ROLLBACK`, `SET`, `SHOW`)"),
    TOKENS("tracking tokens (`tokenentry`)"),
    SAGA("the saga's store (`saga_instance`, or `sagaentry` and `associationvalueentry`; `scheduled_tasks`)"),
    EVENT_APPENDS("event store: appends and aggregate reads (`domainevententry`, `snapshotevententry`)"),
    EVENT_TRACKING("event store: tracking reads (by `globalIndex`)"),
    COMMAND_LOOKUPS("the command side's lookups (`known_*`)"),
    OTHER("replicas, replay requests, sign-ins, schema and driver queries"),
    READ_SIDE("the read side's own (views, logs, lake, dead letters, external journal, reports)");

    /** The runner marks its own statements with this comment (kept in pg_stat_statements' text). */
    static final String RUNNER_MARK = "/* sourced-bench */";

    private static final Pattern LEADING_COMMENTS = Pattern.compile("^\\s*(?:/\\*.*?\\*/\\s*|--[^\\n]*\\n\\s*)*");
    private static final Pattern TRANSACTION_CONTROL_WORD = Pattern.compile(
            "^(?:begin|commit|rollback|end|abort|start\\s+transaction|savepoint|release|set|reset|show|discard"
                    + "|deallocate)\\b");
    private static final Pattern RUNNER_TABLES =
            Pattern.compile("sourced-bench|\\bpg_stat_(?:statements|statements_info|database|clear_snapshot)\\b");
    private static final Pattern TOKEN_TABLE = Pattern.compile("\\btokenentry\\b");
    private static final Pattern SAGA_TABLES =
            Pattern.compile("\\b(?:saga_instance|sagaentry|associationvalueentry|scheduled_tasks)\\b");
    private static final Pattern EVENT_TABLES = Pattern.compile("\\b(?:domainevententry|snapshotevententry)\\b");
    private static final Pattern TRACKING_READ =
            Pattern.compile("\\bglobalindex\\s*>|\\b(?:min|max)\\s*\\(\\s*globalindex\\s*\\)");
    private static final Pattern LOOKUP_TABLES = Pattern.compile("\\bknown_\\w+");
    private static final Pattern OTHER_TABLES =
            Pattern.compile("\\b(?:replica|replay_request|view_rebuild|sign_in|flyway_schema_history)\\b|\\bpg_\\w+"
                    + "|\\bversion\\s*\\(\\s*\\)|\\bcurrent_(?:catalog|schema|user)\\b|\\bset_config\\s*\\(");

    private final String description;

    StatementKind(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    static StatementKind of(String query) {
        String text = query.toLowerCase(Locale.ROOT);
        if (RUNNER_TABLES.matcher(text).find()) {
            return RUNNER;
        }
        if (TRANSACTION_CONTROL_WORD
                .matcher(LEADING_COMMENTS.matcher(text).replaceFirst(""))
                .find()) {
            return TRANSACTION_CONTROL;
        }
        if (TOKEN_TABLE.matcher(text).find()) {
            return TOKENS;
        }
        if (SAGA_TABLES.matcher(text).find()) {
            return SAGA;
        }
        if (EVENT_TABLES.matcher(text).find()) {
            return TRACKING_READ.matcher(text).find() ? EVENT_TRACKING : EVENT_APPENDS;
        }
        if (LOOKUP_TABLES.matcher(text).find()) {
            return COMMAND_LOOKUPS;
        }
        if (OTHER_TABLES.matcher(text).find()) {
            return OTHER;
        }
        return READ_SIDE;
    }
}
