package io.sourced.query.views.reports;

import io.sourced.query.integration.Tier;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads {@code tier_revenue_report}. */
final class TierRevenueQueries {

    private final JdbcTemplate jdbc;

    TierRevenueQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
}
