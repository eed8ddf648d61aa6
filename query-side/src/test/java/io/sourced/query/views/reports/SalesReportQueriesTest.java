package io.sourced.query.views.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.OrderId;
import io.sourced.query.ViewDatabase;
import io.sourced.query.views.reports.SalesReportQueries.ProductStock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The reads a batch of the reports' projector needs; the report queries are tested with the projector. */
class SalesReportQueriesTest {

    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

    private final JdbcTemplate jdbc = ViewDatabase.migrated();
    private final SalesReportQueries queries = new SalesReportQueries(jdbc);

    @Test
    void outcomes_giveTheOrdersSeenPlaced_pendingOrEnded_overAnyNumberOfOrders() {
        OrderDayChanges changes = new OrderDayChanges(queries);
        List<OrderId> placed = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            OrderId order = OrderId.random();
            changes.placed(order, AT);
            placed.add(order);
        }
        changes.completed(placed.get(1100), OrderOutcome.ACCEPTED, AT.plusSeconds(1));
        changes.writeTo(new OrderDayRows(jdbc));
        OrderId unknown = OrderId.random();
        List<OrderId> asked = new ArrayList<>(placed);
        asked.add(unknown);

        var outcomes = queries.outcomes(asked);

        assertThat(outcomes).hasSize(1200).doesNotContainKey(unknown);
        assertThat(outcomes.get(placed.get(0))).isEmpty();
        assertThat(outcomes.get(placed.get(1100))).contains(OrderOutcome.ACCEPTED);
        assertThat(queries.outcomes(List.of())).isEmpty();
    }

    @Test
    void stock_andReservationPrice_areThoseStored_andEmptyOtherwise() {
        ProductId lamp = ProductId.random();
        OrderId order = OrderId.random();
        ProductDayChanges changes = new ProductDayChanges(queries);
        changes.registered(lamp, "Desk lamp", 10, 0, ReportDay.of(AT));
        changes.productEvent(lamp, 3, ReportDay.of(AT), -2, ProductDayRows.Counts.NONE);
        changes.reservedAt(order, lamp, new BigDecimal("19.50"));
        changes.writeTo(new ProductDayRows(jdbc));

        assertThat(queries.stock(lamp)).contains(new ProductStock(8, 3));
        assertThat(queries.stock(ProductId.random())).isEqualTo(Optional.empty());
        assertThat(queries.reservationPrice(order, lamp))
                .hasValueSatisfying(price -> assertThat(price).isEqualByComparingTo("19.50"));
        assertThat(queries.reservationPrice(OrderId.random(), lamp)).isEmpty();
    }
}
