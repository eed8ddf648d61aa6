package io.sourced.query.views.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.reports.FindProductDayReportsQuery;
import io.sourced.api.reports.ProductDayReport;
import io.sourced.query.ViewDatabase;
import io.sourced.query.views.reports.ProductDayRows.Counts;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class ProductDayChangesTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-11-23");
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);

    private final JdbcTemplate jdbc = ViewDatabase.migrated();
    private final SalesReportQueries queries = new SalesReportQueries(jdbc);
    private final ProductDayRows rows = new ProductDayRows(jdbc);
    private final ProductId lamp = ProductId.random();

    @Test
    void aProductEvent_movesTheStockOncePerSequenceNumber_inItsBatch_andInLaterOnes() {
        ProductDayChanges first = new ProductDayChanges(queries);
        first.registered(lamp, "Desk lamp", 10, 0, MONDAY);
        first.productEvent(lamp, 1, MONDAY, 5, Counts.NONE);
        first.productEvent(lamp, 1, MONDAY, 5, Counts.NONE);
        first.writeTo(rows);

        ProductDayChanges second = new ProductDayChanges(queries);
        second.registered(lamp, "Desk lamp", 10, 0, MONDAY);
        second.productEvent(lamp, 1, MONDAY, 5, Counts.NONE);
        second.productEvent(lamp, 2, TUESDAY, -3, Counts.lost(2));
        second.writeTo(rows);

        assertThat(day(MONDAY).stockEndOfDay()).isEqualTo(15);
        assertThat(day(TUESDAY).stockEndOfDay()).isEqualTo(12);
        assertThat(day(TUESDAY).unitsLost()).isEqualTo(2);
    }

    @Test
    void anEventOfAProductNeverRegistered_changesNothing() {
        ProductDayChanges changes = new ProductDayChanges(queries);
        changes.productEvent(lamp, 1, MONDAY, 5, Counts.NONE);
        changes.writeTo(rows);

        assertThat(queries.handle(new FindProductDayReportsQuery(MONDAY, TUESDAY)))
                .isEmpty();
    }

    @Test
    void unitsOrdered_onADayWithoutEventsOfTheProduct_carryItsStockForward() {
        ProductDayChanges registering = new ProductDayChanges(queries);
        registering.registered(lamp, "Desk lamp", 10, 0, MONDAY);
        registering.writeTo(rows);

        ProductDayChanges ordering = new ProductDayChanges(queries);
        ordering.ordered(lamp, 2, TUESDAY);
        ordering.ordered(lamp, 1, TUESDAY);
        ordering.writeTo(rows);

        assertThat(day(TUESDAY).unitsOrdered()).isEqualTo(3);
        assertThat(day(TUESDAY).stockEndOfDay()).isEqualTo(10);
    }

    @Test
    void revenue_isTheUnitsTimesTheReservationPrice_ofThisBatchOrAnEarlierOne_andNoneWithoutAPrice() {
        OrderId earlier = OrderId.random();
        OrderId now = OrderId.random();
        ProductDayChanges reserving = new ProductDayChanges(queries);
        reserving.reservedAt(earlier, lamp, new BigDecimal("19.50"));
        reserving.writeTo(rows);

        ProductDayChanges selling = new ProductDayChanges(queries);
        selling.reservedAt(now, lamp, new BigDecimal("20.00"));

        assertThat(selling.revenue(earlier, lamp, 2)).isEqualByComparingTo("39.00");
        assertThat(selling.revenue(now, lamp, 3)).isEqualByComparingTo("60.00");
        assertThat(selling.revenue(OrderId.random(), lamp, 1)).isEqualByComparingTo("0");
    }

    private ProductDayReport day(LocalDate day) {
        return queries.handle(new FindProductDayReportsQuery(day, day)).stream()
                .filter(row -> row.productId().equals(lamp))
                .findFirst()
                .orElseThrow();
    }
}
