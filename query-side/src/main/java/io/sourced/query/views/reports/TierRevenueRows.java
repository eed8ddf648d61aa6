package io.sourced.query.views.reports;

import io.sourced.query.JdbcBatch;
import io.sourced.query.integration.Tier;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * Writes {@code tier_revenue_report}, one row per tier that has accepted orders, and {@code report_order_tier}, the tier
 * each accepted order's revenue went to.
 */
final class TierRevenueRows {

    private static final String ADD = """
            UPDATE tier_revenue_report SET orders = orders + :orders, revenue = revenue + :revenue
            WHERE tier = :tier""";
    private static final String INSERT = """
            INSERT INTO tier_revenue_report (tier, orders, revenue)
            VALUES (:tier, :orders, :revenue)""";

    private static final String REMEMBER = """
            INSERT INTO report_order_tier (order_id, tier)
            VALUES (:order, :tier)""";
    private static final String TIERS_OF = "SELECT order_id, tier FROM report_order_tier WHERE order_id IN (:orders)";

    private final NamedParameterJdbcTemplate jdbc;

    TierRevenueRows(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Adds each tier's orders and revenue to its row, made for a tier without one; at most one of each tier. */
    void add(Collection<TierRevenue> more) {
        JdbcBatch.of(ADD, TierRevenueRows::row).addAll(more).writeOrInsert(jdbc, INSERT);
    }

    /** Notes the tier each order's revenue went to. */
    void remember(Map<String, Tier> tierOfOrder) {
        JdbcBatch.<Map.Entry<String, Tier>>of(
                        REMEMBER,
                        entry -> new MapSqlParameterSource()
                                .addValue("order", entry.getKey())
                                .addValue("tier", entry.getValue().name()))
                .addAll(tierOfOrder.entrySet())
                .write(jdbc);
    }

    /** The tiers these orders' revenue went to, of those noted. */
    Map<String, Tier> tiersOf(Collection<String> orders) {
        Map<String, Tier> tiers = new HashMap<>();
        jdbc.query(TIERS_OF, Map.of("orders", orders), row -> {
            tiers.put(row.getString("order_id"), Tier.valueOf(row.getString("tier")));
        });
        return tiers;
    }

    void clear() {
        jdbc.getJdbcTemplate().update("DELETE FROM tier_revenue_report");
        jdbc.getJdbcTemplate().update("DELETE FROM report_order_tier");
    }

    private static SqlParameterSource row(TierRevenue revenue) {
        return new MapSqlParameterSource()
                .addValue("tier", revenue.tier().name())
                .addValue("orders", revenue.orders())
                .addValue("revenue", revenue.revenue());
    }
}
