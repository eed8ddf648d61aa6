package io.sourced.query.views.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.RejectionReason;
import io.sourced.api.reports.DayReport;
import io.sourced.api.reports.FindDayReportsQuery;
import io.sourced.query.ViewDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class OrderDayChangesTest {

    private static final LocalDate TUESDAY = LocalDate.parse("2026-11-24");

    private final JdbcTemplate jdbc = ViewDatabase.migrated();
    private final SalesReportQueries queries = new SalesReportQueries(jdbc);
    private final OrderDayRows rows = new OrderDayRows(jdbc);

    @Test
    void anOrderPlaced_countsOnce_inItsBatch_andInLaterOnes() {
        OrderId order = OrderId.random();
        OrderDayChanges first = new OrderDayChanges(queries);
        assertThat(first.placed(order, at("10:00"))).isTrue();
        assertThat(first.placed(order, at("10:00")))
                .as("delivered again in the batch")
                .isFalse();
        first.writeTo(rows);

        OrderDayChanges second = new OrderDayChanges(queries);
        assertThat(second.placed(order, at("10:00")))
                .as("delivered again in a later batch")
                .isFalse();
        second.writeTo(rows);

        assertThat(day().placed()).isEqualTo(1);
    }

    @Test
    void anOutcome_countsOnceOnItsDay_andCompletesTheOrderPlacedInAnEarlierBatch() {
        OrderId order = OrderId.random();
        OrderDayChanges placing = new OrderDayChanges(queries);
        placing.placed(order, at("10:00"));
        placing.writeTo(rows);

        OrderDayChanges accepting = new OrderDayChanges(queries);
        accepting.completed(order, OrderOutcome.ACCEPTED, at("10:00:02"));
        accepting.completed(order, OrderOutcome.CANCELLED, at("10:00:03"));
        accepting.writeTo(rows);
        OrderDayChanges again = new OrderDayChanges(queries);
        again.completed(order, OrderOutcome.ACCEPTED, at("10:00:02"));
        again.writeTo(rows);

        DayReport tuesday = day();
        assertThat(tuesday.placed()).isEqualTo(1);
        assertThat(tuesday.accepted()).isEqualTo(1);
        assertThat(tuesday.cancelled()).isZero();
        assertThat(tuesday.medianSecondsToAccept()).isEqualByComparingTo("2.000");
    }

    @Test
    void anOutcomeOfAnOrderNeverSeenPlaced_countsNothing() {
        OrderDayChanges changes = new OrderDayChanges(queries);
        changes.completed(OrderId.random(), OrderOutcome.rejected(RejectionReason.TIMEOUT), at("10:00"));
        changes.writeTo(rows);

        assertThat(queries.handle(new FindDayReportsQuery(TUESDAY, TUESDAY))).isEmpty();
    }

    @Test
    void theOrdersPrefetched_areNotReadAgainInTheBatch() {
        OrderId order = OrderId.random();
        OrderDayChanges changes = new OrderDayChanges(queries);
        changes.prefetch(List.of(order));
        // stored after the batch read it: the batch goes by what it read
        OrderDayChanges other = new OrderDayChanges(queries);
        other.placed(order, at("09:00"));
        other.writeTo(rows);

        assertThat(changes.placed(order, at("10:00"))).isTrue();
    }

    private DayReport day() {
        return queries.handle(new FindDayReportsQuery(TUESDAY, TUESDAY)).get(0);
    }

    private static Instant at(String time) {
        return Instant.parse(TUESDAY + "T" + time + (time.length() == 5 ? ":00Z" : "Z"));
    }
}
