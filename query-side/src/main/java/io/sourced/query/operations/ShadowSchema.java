package io.sourced.query.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
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

    JdbcTemplate jdbc() {
        return new JdbcTemplate(shadow);
    }

    TransactionTemplate transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(shadow));
    }

    void empty(List<String> tables) {
        tables.forEach(table -> live.execute("TRUNCATE TABLE " + NAME + "." + table + " RESTART IDENTITY"));
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
