package io.sourced.query.views.reports;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sourced.query.CallerArgumentResolver;
import io.sourced.query.ControllerMvc;
import io.sourced.query.ViewDatabase;
import io.sourced.query.integration.Tier;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class TierRevenueControllerTest {

    @Test
    void tiers_answersEveryTierWithOrdersAndRevenue_bestFirst() throws Exception {
        JdbcTemplate jdbc = ViewDatabase.migrated();
        TierRevenueRows rows = new TierRevenueRows(jdbc);
        rows.add(List.of(new TierRevenue(Tier.BRONZE, 1, new BigDecimal("12.50"))));
        rows.add(List.of(new TierRevenue(Tier.BRONZE, 1, new BigDecimal("0.25"))));
        rows.add(List.of(new TierRevenue(Tier.GOLD, 1, new BigDecimal("100"))));

        ControllerMvc.of(new TierRevenueController(jdbc), new CallerArgumentResolver())
                .perform(get("/api/reports/tiers"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        [{"tier":"GOLD","orders":1,"revenue":100.00},
                         {"tier":"SILVER","orders":0,"revenue":0.00},
                         {"tier":"BRONZE","orders":2,"revenue":12.75}]""", true));
    }
}
