package io.sourced.query.views.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tier report (the application's security config keeps {@code /api/reports/**} to ADMIN). */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports")
class TierRevenueController {

    private final TierRevenueQueries queries;

    TierRevenueController(JdbcTemplate jdbc) {
        this.queries = new TierRevenueQueries(jdbc);
    }

    @Operation(
            summary =
                    "Accepted orders and revenue by the customer's tier when each order was accepted, net of what returns refunded (GOLD, SILVER, BRONZE; zeros included)")
    @GetMapping("/tiers")
    List<TierRevenue> tiers() {
        return queries.all();
    }
}
