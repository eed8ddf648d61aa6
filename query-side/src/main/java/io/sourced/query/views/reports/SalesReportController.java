package io.sourced.query.views.reports;

import io.sourced.api.caller.Caller;
import io.sourced.api.reports.DayReport;
import io.sourced.api.reports.FindDayReportsQuery;
import io.sourced.api.reports.FindProductDayReportsQuery;
import io.sourced.api.reports.ProductDayReport;
import io.sourced.api.reports.ReportPeriod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The sales reports (ADMIN: the application's security config keeps {@code /api/reports/**} to administrators). */
@RestController
@RequestMapping("/api/reports")
@Tag(
        name = "Reports",
        description = "Reports that tie orders to inventory, kept from the event log by the `reports` "
                + "processor (a moment behind the log; rebuilt by replaying it). A day is the UTC date of the events counted; "
                + "days without events have no row.")
class SalesReportController {

    /** The days a report covers, both included, as the query string names them. */
    record Days(
            @Parameter(description = "First day (UTC, ISO date), included; default: 29 days before `to`")
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate from,

            @Parameter(description = "Last day (UTC, ISO date), included; default: today")
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate to) {}

    private final QueryGateway queryGateway;
    private final Clock clock;

    @Autowired
    SalesReportController(QueryGateway queryGateway) {
        this(queryGateway, Clock.systemUTC());
    }

    SalesReportController(QueryGateway queryGateway, Clock clock) {
        this.queryGateway = queryGateway;
        this.clock = clock;
    }

    @Operation(
            summary = "Sales and stock per product and day",
            description = "Per product and UTC day: units ordered (lines of the orders placed that day), units sold "
                    + "(reservations confirmed that day), revenue (units sold × the unit price of their order's "
                    + "reservation), units lost (units asked by reservations rejected for want of stock, and the units a partial reservation "
                    + "did not get), stock at the "
                    + "end of the day (available after the product's last event of the day; carried forward: a day without "
                    + "events of the product has no row) and sell-through (sold ÷ (sold + stock at the end of the day), "
                    + "null when both are 0). By day, then product name. ADMIN only; 400 when from is after to or the "
                    + "period exceeds 366 days.")
    @GetMapping("/products")
    List<ProductDayReport> products(@ParameterObject Days days, @Parameter(hidden = true) Caller caller) {
        ReportPeriod period = period(days, caller);
        return queryGateway
                .query(
                        new FindProductDayReportsQuery(period.from(), period.to()),
                        ResponseTypes.multipleInstancesOf(ProductDayReport.class))
                .join();
    }

    @Operation(
            summary = "The order funnel per day, with the time from placed to accepted",
            description = "Per UTC day: orders placed (by the day they were placed); accepted, rejected by reason and "
                    + "cancelled (by the day of that outcome); the median and 95th percentile of the seconds from placed "
                    + "to accepted of the orders accepted that day (linear interpolation, as percentile_cont; null "
                    + "without accepted orders). Oldest day first. ADMIN only; 400 when from is after to or the period "
                    + "exceeds 366 days.")
    @GetMapping("/days")
    List<DayReport> days(@ParameterObject Days days, @Parameter(hidden = true) Caller caller) {
        ReportPeriod period = period(days, caller);
        return queryGateway
                .query(
                        new FindDayReportsQuery(period.from(), period.to()),
                        ResponseTypes.multipleInstancesOf(DayReport.class))
                .join();
    }

    private ReportPeriod period(Days days, Caller caller) {
        if (!caller.isAdmin()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Reports are for administrators");
        }
        try {
            return ReportPeriod.of(days.from(), days.to(), clock);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }
}
