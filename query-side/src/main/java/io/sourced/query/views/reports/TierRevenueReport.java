package io.sourced.query.views.reports;

import io.sourced.query.integration.Tier;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code tier_revenue_report}: one row per tier that has accepted orders. */
final class TierRevenueReport {

    private final JdbcTemplate jdbc;

    TierRevenueReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(TierRevenue more) {
        int updated = jdbc.update(
                "UPDATE tier_revenue_report SET orders = orders + ?, revenue = revenue + ? WHERE tier = ?",
                more.orders(),
                more.revenue(),
                more.tier().name());
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO tier_revenue_report (tier, orders, revenue) VALUES (?, ?, ?)",
                    more.tier().name(),
                    more.orders(),
                    more.revenue());
        }
    }

    /** Every tier, best first, with zeros for a tier without orders (a chart wants all three). */
    List<TierRevenue> all() {
        Map<Tier, TierRevenue> rows = jdbc
                .query(
                        "SELECT tier, orders, revenue FROM tier_revenue_report",
                        (rs, i) -> new TierRevenue(
                                Tier.valueOf(rs.getString("tier")), rs.getLong("orders"), rs.getBigDecimal("revenue")))
                .stream()
                .collect(Collectors.toMap(TierRevenue::tier, Function.identity()));
        return Arrays.stream(Tier.values())
                .map(tier -> rows.getOrDefault(tier, new TierRevenue(tier, 0, new BigDecimal("0.00"))))
                .toList();
    }

    void clear() {
        jdbc.update("DELETE FROM tier_revenue_report");
    }
}
