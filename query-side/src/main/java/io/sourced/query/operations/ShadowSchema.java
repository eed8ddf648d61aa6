package io.sourced.query.operations;

import io.sourced.query.BulkLoad;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The schema {@value #NAME}, where views are rebuilt: the same tables as the live views, made by the same migrations
 * ({@code db/views}), reached through connections whose unqualified table names are these tables. When a rebuild
 * reached the head, its tables change places with the live ones in one transaction.
 */
class ShadowSchema {

    static final String NAME = "rebuild";
    private static final String RETIRED = "rebuild_retired";
    private static final int READYING_THREADS = 2;

    private final JdbcTemplate live;
    private final DataSource shadow;
    private final boolean postgres;

    /**
     * @param live   the application's database
     * @param shadow connections to the same database whose current schema is {@value #NAME}
     */
    ShadowSchema(DataSource live, DataSource shadow) {
        this.live = new JdbcTemplate(live);
        this.shadow = shadow;
        this.postgres = isPostgres(live);
        Flyway.configure()
                .dataSource(live)
                .schemas(NAME)
                .defaultSchema(NAME)
                .locations("classpath:db/views")
                .load()
                .migrate();
        if (postgres) {
            this.live.execute("CREATE SCHEMA IF NOT EXISTS " + RETIRED);
        }
    }

    /** Connections to the rebuild's tables; on PostgreSQL their inserts are copied in (they are loaded once). */
    JdbcTemplate jdbc() {
        return postgres ? new BulkLoad(shadow) : new JdbcTemplate(shadow);
    }

    TransactionTemplate transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(shadow));
    }

    void empty(List<String> tables) {
        tables.forEach(table -> live.execute("TRUNCATE TABLE " + NAME + "." + table + " RESTART IDENTITY"));
    }

    /**
     * Readies emptied tables for a load: on PostgreSQL they skip the write-ahead log and keep only the indexes the
     * load itself looks rows up by (the others cost more kept up row by row than made once at the end). That leaves
     * out, besides the secondary indexes, the keys on {@code event_id}: they make a redelivered event count once,
     * which a rebuild, applying each event of the log once, never needs; the load finds out if it did.
     */
    void readyForLoad(List<String> tables) {
        if (!postgres) {
            return;
        }
        for (String table : tables) {
            secondaryIndexes(NAME, table).keySet().forEach(index -> live.execute("DROP INDEX " + NAME + "." + index));
            eventKeys(NAME, table)
                    .keySet()
                    .forEach(key -> live.execute("ALTER TABLE " + NAME + "." + table + " DROP CONSTRAINT " + key));
            live.execute("ALTER TABLE " + NAME + "." + table + " SET UNLOGGED");
        }
    }

    /**
     * Makes loaded tables fit to go live: logged again, with the live tables' indexes and keys (their definitions
     * taken from the live tables, so a rebuild stopped half-way never leaves one out), and the planner's statistics.
     * The tables are readied side by side, on connections of their own.
     */
    void readyToGoLive(List<String> tables) {
        if (!postgres) {
            analyze(tables);
            return;
        }
        ExecutorService side = Executors.newFixedThreadPool(READYING_THREADS, task -> {
            Thread thread = new Thread(task, "view-rebuild-ready");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<? extends Future<?>> readied = tables.stream()
                    .map(table -> side.submit(() -> readyToGoLive(table)))
                    .toList();
            for (Future<?> table : readied) {
                table.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the rebuilt tables were readied", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } finally {
            side.shutdownNow();
        }
    }

    private void readyToGoLive(String table) {
        String shadowTable = NAME + "." + table;
        live.execute("ALTER TABLE " + shadowTable + " SET LOGGED");
        Map<String, String> keys = eventKeys(NAME, table);
        eventKeys("public", table).forEach((key, definition) -> {
            if (!keys.containsKey(key)) {
                live.execute("ALTER TABLE " + shadowTable + " ADD CONSTRAINT " + key + " " + definition);
            }
        });
        Map<String, String> present = secondaryIndexes(NAME, table);
        secondaryIndexes("public", table).forEach((index, definition) -> {
            if (!present.containsKey(index)) {
                live.execute(definition.replaceFirst(" ON (public\\.)?" + table + " ", " ON " + shadowTable + " "));
            }
        });
        analyze(List.of(table));
    }

    /** The table's primary or unique keys on {@code event_id} alone, by name: their definitions. */
    private Map<String, String> eventKeys(String schema, String table) {
        return definitions("""
                SELECT c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c
                JOIN pg_class t ON t.oid = c.conrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                JOIN pg_attribute a ON a.attrelid = t.oid AND a.attname = 'event_id'
                WHERE n.nspname = ? AND t.relname = ? AND c.contype IN ('p', 'u') AND c.conkey = ARRAY[a.attnum]""", schema, table);
    }

    /** The table's indexes that back no constraint, by name: their definitions. */
    private Map<String, String> secondaryIndexes(String schema, String table) {
        return definitions("""
                SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x
                JOIN pg_class i ON i.oid = x.indexrelid
                JOIN pg_class t ON t.oid = x.indrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = ? AND t.relname = ?
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)""", schema, table);
    }

    /** Names and definitions, as a catalog query of a schema's table answers them, in its order. */
    private Map<String, String> definitions(String query, String schema, String table) {
        Map<String, String> named = new LinkedHashMap<>();
        live.query(
                query,
                rs -> {
                    named.put(rs.getString(1), rs.getString(2));
                },
                schema,
                table);
        return named;
    }

    /**
     * Gathers the planner's statistics of rebuilt tables: a table emptied and filled anew would otherwise keep the
     * plans made when it was small (on PostgreSQL, a prepared statement's generic plan), and scan it whole.
     */
    void analyze(List<String> tables) {
        tables.forEach(table -> live.execute((postgres ? "ANALYZE " : "ANALYZE TABLE ") + NAME + "." + table));
    }

    /**
     * Puts the rebuilt tables in the live ones' place, within the caller's transaction on the live database:
     * readers see the old rows until it commits, then the new ones. On PostgreSQL the tables change schemas (their
     * indexes and identity sequences with them); elsewhere the rows are copied.
     */
    void swap(List<String> tables) {
        for (String table : tables) {
            if (postgres) {
                live.execute("ALTER TABLE public." + table + " SET SCHEMA " + RETIRED);
                live.execute("ALTER TABLE " + NAME + "." + table + " SET SCHEMA public");
                live.execute("ALTER TABLE " + RETIRED + "." + table + " SET SCHEMA " + NAME);
            } else {
                live.execute("DELETE FROM public." + table);
                live.execute("INSERT INTO public." + table + " SELECT * FROM " + NAME + "." + table);
            }
        }
    }

    /**
     * After a swap that copied rows: the live tables' identity columns go on after the copied values. (Separate from
     * the swap: H2 commits on every schema change.)
     */
    void continueIdentities(List<String> tables) {
        if (postgres) {
            return;
        }
        for (String table : tables) {
            for (String column : live.queryForList(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
                            + " AND table_name = ? AND is_identity = 'YES'",
                    String.class,
                    table)) {
                Long max = live.queryForObject("SELECT MAX(" + column + ") FROM public." + table, Long.class);
                live.execute("ALTER TABLE public." + table + " ALTER COLUMN " + column + " RESTART WITH "
                        + (max == null ? 1 : max + 1));
            }
        }
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database holds the views", e);
        }
    }
}
