package io.sourced.query.views.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.query.ViewDatabase;
import io.sourced.query.integration.Tier;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class TierRevenueRowsTest {

    private final JdbcTemplate jdbc = ViewDatabase.migrated();
    private final TierRevenueRows rows = new TierRevenueRows(jdbc);
    private final TierRevenueQueries queries = new TierRevenueQueries(jdbc);

    @Test
    void add_addsToTheTiersWithARow_andMakesOneForTheOthers() {
        rows.add(List.of(row(Tier.GOLD, 1, "10.00")));

        rows.add(List.of(row(Tier.GOLD, 2, "5.50"), row(Tier.BRONZE, 1, "3.00")));

        assertThat(queries.all())
                .containsExactly(row(Tier.GOLD, 3, "15.50"), row(Tier.SILVER, 0, "0.00"), row(Tier.BRONZE, 1, "3.00"));
    }

    @Test
    void add_ofNothing_writesNothing() {
        rows.add(List.of());

        assertThat(ViewDatabase.count(jdbc, "tier_revenue_report")).isZero();
    }

    @Test
    void clear_emptiesTheReport() {
        rows.add(List.of(row(Tier.SILVER, 1, "1.00")));

        rows.clear();

        assertThat(ViewDatabase.count(jdbc, "tier_revenue_report")).isZero();
    }

    private static TierRevenue row(Tier tier, long orders, String revenue) {
        return new TierRevenue(tier, orders, new BigDecimal(revenue));
    }
}
