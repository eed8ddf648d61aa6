package io.sourced.query.views.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.query.ViewDatabase;
import io.sourced.query.integration.Tier;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class TierRevenueQueriesTest {

    private final JdbcTemplate jdbc = ViewDatabase.migrated();
    private final TierRevenueQueries queries = new TierRevenueQueries(jdbc);

    @Test
    void all_givesEveryTierBestFirst_withZerosForATierWithoutOrders() {
        jdbc.update("INSERT INTO tier_revenue_report (tier, orders, revenue) VALUES ('BRONZE', 2, 7.25)");

        assertThat(queries.all())
                .containsExactly(
                        new TierRevenue(Tier.GOLD, 0, new BigDecimal("0.00")),
                        new TierRevenue(Tier.SILVER, 0, new BigDecimal("0.00")),
                        new TierRevenue(Tier.BRONZE, 2, new BigDecimal("7.25")));
    }
}
