package io.sourced.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.api.reports.DayReport;
import io.sourced.api.reports.FindDayReportsQuery;
import io.sourced.api.reports.FindProductDayReportsQuery;
import io.sourced.api.reports.ProductDayReport;
import io.sourced.api.reports.ReportPeriod;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sales and the order funnel over a period, charted and tabled (ADMIN, by the security configuration). */
@Controller
class ReportsPage extends Pages {

    /** Where the revenue-by-tier chart reads from (the tier report, kept by the replay-safe CRM gateway). */
    static final String TIERS_SOURCE = "/api/reports/tiers";

    private final QueryGateway queries;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    ReportsPage(QueryGateway queries, ObjectMapper json) {
        this.queries = queries;
        this.json = json;
    }

    @GetMapping("/admin/reports")
    String reports(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        ReportPeriod period;
        try {
            period = ReportPeriod.of(from, to, clock);
        } catch (IllegalArgumentException e) {
            model.addAttribute(
                    "problem",
                    "Those dates cannot be shown: " + e.getMessage() + ". Showing the last " + ReportPeriod.DEFAULT_DAYS
                            + " days.");
            period = ReportPeriod.of(null, null, clock);
        }
        List<ProductDayReport> products = queries.query(
                        new FindProductDayReportsQuery(period.from(), period.to()),
                        ResponseTypes.multipleInstancesOf(ProductDayReport.class))
                .join();
        List<DayReport> days = queries.query(
                        new FindDayReportsQuery(period.from(), period.to()),
                        ResponseTypes.multipleInstancesOf(DayReport.class))
                .join();
        model.addAttribute("period", period);
        model.addAttribute("totals", ReportTotals.of(products, days));
        model.addAttribute(
                "days",
                days.stream()
                        .sorted(Comparator.comparing(DayReport::day).reversed())
                        .toList());
        model.addAttribute(
                "products",
                products.stream()
                        .sorted(Comparator.comparing(ProductDayReport::day).reversed())
                        .toList());
        model.addAttribute("chartData", scriptSafe(ReportCharts.of(period, products, days, TIERS_SOURCE)));
        return "admin/reports";
    }

    /** JSON to sit inside a script element: no "<" can close it early (a product may be named "</script>"). */
    private String scriptSafe(Object data) {
        try {
            return json.writeValueAsString(data).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the chart data", e);
        }
    }
}
