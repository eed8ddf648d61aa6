package io.sourced.query.views.reports;

import io.sourced.query.JdbcBatch;
import java.util.Collection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/** Writes {@code tier_revenue_report}: one row per tier that has accepted orders. */
final class TierRevenueRows {

    private static final String ADD = """
            UPDATE tier_revenue_report SET orders = orders + :orders, revenue = revenue + :revenue
            WHERE tier = :tier""";
    private static final String INSERT = """
            INSERT INTO tier_revenue_report (tier, orders, revenue)
            VALUES (:tier, :orders, :revenue)""";

    private final NamedParameterJdbcTemplate jdbc;

    TierRevenueRows(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Adds each tier's orders and revenue to its row, made for a tier without one; at most one of each tier. */
    void add(Collection<TierRevenue> more) {
        JdbcBatch.of(ADD, TierRevenueRows::row).addAll(more).writeOrInsert(jdbc, INSERT);
    }

    void clear() {
        jdbc.getJdbcTemplate().update("DELETE FROM tier_revenue_report");
    }

    private static SqlParameterSource row(TierRevenue revenue) {
        return new MapSqlParameterSource()
                .addValue("tier", revenue.tier().name())
                .addValue("orders", revenue.orders())
                .addValue("revenue", revenue.revenue());
    }
}
