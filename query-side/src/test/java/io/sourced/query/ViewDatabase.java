package io.sourced.query;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** A fresh in-memory H2 database, in PostgreSQL mode, migrated with this module's migrations. */
public final class ViewDatabase {

    private ViewDatabase() {}

    public static JdbcTemplate migrated() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(
                "jdbc:h2:mem:views-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/views")
                .load()
                .migrate();
        return new JdbcTemplate(dataSource);
    }

    /** A connection pool, as the application has, to the database the template reaches. */
    public static HikariDataSource pooled(JdbcTemplate jdbc) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(((JdbcDataSource) jdbc.getDataSource()).getURL());
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    public static int count(JdbcTemplate jdbc, String table) {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
        return rows == null ? 0 : rows;
    }
}
