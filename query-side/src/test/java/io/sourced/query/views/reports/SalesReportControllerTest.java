package io.sourced.query.views.reports;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.query.CallerArgumentResolver;
import io.sourced.query.ControllerMvc;
import io.sourced.query.Deliver;
import io.sourced.query.LocalQueries;
import io.sourced.query.ViewDatabase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

class SalesReportControllerTest {

    private static final Clock NOV_26 = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    private final ProductId lamp = ProductId.random();
    private final CallerArgumentResolver callers = new CallerArgumentResolver();
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        JdbcTemplate jdbc = ViewDatabase.migrated();
        Deliver deliver = Deliver.to(new SalesReportProjector(jdbc));
        OrderId order = OrderId.random();
        CustomerId customer = CustomerId.random();
        deliver.on(
                new ProductRegisteredEvent(lamp, "Desk lamp", new BigDecimal("20.00"), 10),
                Instant.parse("2026-10-27T23:00:00Z"));
        deliver.on(
                new OrderPlacedEvent(order, customer, List.of(new OrderLine(lamp, 2))),
                Instant.parse("2026-11-25T10:00:00Z"));
        deliver.on(
                new StockReservedEvent(lamp, order, 2, new BigDecimal("19.99")),
                Instant.parse("2026-11-25T10:00:00.500Z"));
        deliver.on(
                new OrderAcceptedEvent(order, customer, new BigDecimal("39.98")),
                Instant.parse("2026-11-25T10:00:01.250Z"));
        deliver.on(new ReservationConfirmedEvent(lamp, order, 2), Instant.parse("2026-11-25T10:00:02Z"));
        mvc = ControllerMvc.of(
                new SalesReportController(
                        new LocalQueries()
                                .register(new SalesReportQueries(jdbc))
                                .gateway(),
                        NOV_26),
                callers);
    }

    @Test
    void productsReport_withoutDates_answersTheLast30Days_withEveryFigure() throws Exception {
        mvc.perform(get("/api/reports/products"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].day").value("2026-11-25"))
                .andExpect(jsonPath("$[0].productId").value(lamp.value()))
                .andExpect(jsonPath("$[0].productName").value("Desk lamp"))
                .andExpect(jsonPath("$[0].unitsOrdered").value(2))
                .andExpect(jsonPath("$[0].unitsSold").value(2))
                .andExpect(jsonPath("$[0].revenue").value(39.98))
                .andExpect(jsonPath("$[0].unitsLost").value(0))
                .andExpect(jsonPath("$[0].stockEndOfDay").value(8))
                .andExpect(jsonPath("$[0].sellThrough").value(0.2));
    }

    @Test
    void productsReport_fromTo_includesBothDays() throws Exception {
        mvc.perform(get("/api/reports/products?from=2026-10-27&to=2026-11-25"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].day").value(contains("2026-10-27", "2026-11-25")));
    }

    @Test
    void daysReport_answersTheFunnelAndTheTimesToAccept() throws Exception {
        mvc.perform(get("/api/reports/days?from=2026-11-25&to=2026-11-25"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].day").value("2026-11-25"))
                .andExpect(jsonPath("$[0].placed").value(1))
                .andExpect(jsonPath("$[0].accepted").value(1))
                .andExpect(jsonPath("$[0].rejectedOutOfStock").value(0))
                .andExpect(jsonPath("$[0].rejectedPaymentDeclined").value(0))
                .andExpect(jsonPath("$[0].rejectedTimeout").value(0))
                .andExpect(jsonPath("$[0].cancelled").value(0))
                .andExpect(jsonPath("$[0].medianSecondsToAccept").value(1.25))
                .andExpect(jsonPath("$[0].p95SecondsToAccept").value(1.25));
    }

    @Test
    void daysReport_ofDaysWithoutOrders_isEmpty() throws Exception {
        mvc.perform(get("/api/reports/days?from=2026-10-27&to=2026-10-27"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void reports_fromAfterTo_tooLong_orNotADate_areBadRequests() throws Exception {
        mvc.perform(get("/api/reports/products?from=2026-11-26&to=2026-11-25")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/reports/days?from=2020-01-01&to=2026-11-25")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/reports/days?from=yesterday")).andExpect(status().isBadRequest());
    }

    @Test
    void reports_askedByACustomer_areForbidden() throws Exception {
        callers.signIn(CallerArgumentResolver.customer(CustomerId.random()));

        mvc.perform(get("/api/reports/products")).andExpect(status().isForbidden());
        mvc.perform(get("/api/reports/days")).andExpect(status().isForbidden());
    }

    @Test
    void sellThrough_isNullInJson_whenNothingWasSoldAndNothingIsLeft() throws Exception {
        JdbcTemplate jdbc = ViewDatabase.migrated();
        ProductId none = ProductId.random();
        Deliver.to(new SalesReportProjector(jdbc))
                .on(new ProductRegisteredEvent(none, "None", BigDecimal.ONE, 0), Instant.parse("2026-11-26T08:00:00Z"));
        MockMvc empty = ControllerMvc.of(
                new SalesReportController(
                        new LocalQueries()
                                .register(new SalesReportQueries(jdbc))
                                .gateway(),
                        NOV_26),
                callers);

        empty.perform(get("/api/reports/products"))
                .andExpect(jsonPath("$[0].sellThrough").value(nullValue()));
    }
}
