package io.sourced.query.views.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.idempotency.OperationId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.ProductRestockedEvent;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.ReturnedStockReleasedEvent;
import io.sourced.api.inventory.StockReleasedEvent;
import io.sourced.api.inventory.StockReservationRejectedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.inventory.StockReturnedEvent;
import io.sourced.api.inventory.StockWrittenOffEvent;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderRejectedEvent;
import io.sourced.api.ordering.RejectionReason;
import io.sourced.api.ordering.ReturnId;
import io.sourced.api.reports.DayReport;
import io.sourced.api.reports.FindDayReportsQuery;
import io.sourced.api.reports.FindProductDayReportsQuery;
import io.sourced.api.reports.ProductDayReport;
import io.sourced.query.BatchEquivalence;
import io.sourced.query.Deliver;
import io.sourced.query.ViewDatabase;
import io.sourced.query.WorkflowEvents;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class SalesReportProjectorTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-11-23");
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);
    private static final LocalDate WEDNESDAY = MONDAY.plusDays(2);
    private static final LocalDate THURSDAY = MONDAY.plusDays(3);

    private final ProductId lamp = ProductId.random();
    private final ProductId cable = ProductId.random();
    private final CustomerId customer = CustomerId.random();

    private JdbcTemplate jdbc;
    private SalesReportProjector projector;
    private Deliver deliver;
    private SalesReportQueries queries;

    @BeforeEach
    void setUp() {
        jdbc = ViewDatabase.migrated();
        projector = new SalesReportProjector(jdbc);
        deliver = Deliver.to(projector);
        queries = new SalesReportQueries(jdbc);
        deliver.on(
                new ProductRegisteredEvent(lamp, "Desk lamp", new BigDecimal("20.00"), 10, "Lighting"),
                at(MONDAY, "08:00"));
        deliver.on(new ProductRegisteredEvent(cable, "Cable", new BigDecimal("3.00"), 50), at(MONDAY, "08:01"));
    }

    @Test
    void productRegistered_startsItsDayWithTheInitialStock() {
        assertThat(productDays(MONDAY, MONDAY))
                .containsExactly(
                        new ProductDayReport(
                                MONDAY,
                                cable,
                                "Cable",
                                0,
                                0,
                                money("0.00"),
                                0,
                                0,
                                0,
                                money("0.00"),
                                50,
                                BigDecimal.ZERO.setScale(4)),
                        new ProductDayReport(
                                MONDAY,
                                lamp,
                                "Desk lamp",
                                0,
                                0,
                                money("0.00"),
                                0,
                                0,
                                0,
                                money("0.00"),
                                10,
                                BigDecimal.ZERO.setScale(4)));
    }

    @Test
    void orderAccepted_countsOrderedSoldAndRevenueAtTheReservedPrice() {
        OrderId order = OrderId.random();
        deliver.on(
                new OrderPlacedEvent(order, customer, List.of(new OrderLine(lamp, 2), new OrderLine(cable, 3))),
                at(TUESDAY, "10:00"));
        deliver.on(new StockReservedEvent(lamp, order, 2, new BigDecimal("19.50")), at(TUESDAY, "10:00:01"));
        deliver.on(new StockReservedEvent(cable, order, 3, new BigDecimal("3.00")), at(TUESDAY, "10:00:01"));
        deliver.on(new OrderAcceptedEvent(order, customer, new BigDecimal("48.00")), at(TUESDAY, "10:00:02"));
        deliver.on(new ReservationConfirmedEvent(lamp, order, 2), at(TUESDAY, "10:00:03"));
        deliver.on(new ReservationConfirmedEvent(cable, order, 3), at(TUESDAY, "10:00:03"));

        assertThat(productDays(TUESDAY, TUESDAY))
                .containsExactly(
                        new ProductDayReport(
                                TUESDAY,
                                cable,
                                "Cable",
                                3,
                                3,
                                money("9.00"),
                                0,
                                0,
                                0,
                                money("0.00"),
                                47,
                                new BigDecimal("0.0600")),
                        new ProductDayReport(
                                TUESDAY,
                                lamp,
                                "Desk lamp",
                                2,
                                2,
                                money("39.00"),
                                0,
                                0,
                                0,
                                money("0.00"),
                                8,
                                new BigDecimal("0.2000")));
        assertThat(days(TUESDAY))
                .extracting(DayReport::placed, DayReport::accepted)
                .containsExactly(1, 1);
    }

    @Test
    void stockReservationRejected_countsTheUnitsAskedAsLost_andTheReleasedLineGoesBackToStock() {
        OrderId order = OrderId.random();
        deliver.on(
                new OrderPlacedEvent(order, customer, List.of(new OrderLine(cable, 4), new OrderLine(lamp, 11))),
                at(TUESDAY, "09:00"));
        deliver.on(new StockReservedEvent(cable, order, 4, new BigDecimal("3.00")), at(TUESDAY, "09:00:01"));
        deliver.on(new StockReservationRejectedEvent(lamp, order, 11, 10), at(TUESDAY, "09:00:01"));
        deliver.on(new OrderRejectedEvent(order, customer, RejectionReason.OUT_OF_STOCK), at(TUESDAY, "09:00:02"));
        deliver.on(new StockReleasedEvent(cable, order, 4), at(TUESDAY, "09:00:03"));

        assertThat(productDays(TUESDAY, TUESDAY))
                .containsExactly(
                        new ProductDayReport(
                                TUESDAY,
                                cable,
                                "Cable",
                                4,
                                0,
                                money("0.00"),
                                0,
                                0,
                                0,
                                money("0.00"),
                                50,
                                BigDecimal.ZERO.setScale(4)),
                        new ProductDayReport(
                                TUESDAY,
                                lamp,
                                "Desk lamp",
                                11,
                                0,
                                money("0.00"),
                                11,
                                0,
                                0,
                                money("0.00"),
                                10,
                                BigDecimal.ZERO.setScale(4)));
        assertThat(days(TUESDAY))
                .extracting(DayReport::placed, DayReport::rejectedOutOfStock)
                .containsExactly(1, 1);
    }

    @Test
    void orderAcceptedInPart_countsTheUnitsNotReservedAsLost_andSellsWhatWasReserved() {
        OrderId order = OrderId.random();
        deliver.on(
                new OrderPlacedEvent(order, customer, List.of(new OrderLine(cable, 4), new OrderLine(lamp, 11))),
                at(TUESDAY, "09:00"));
        deliver.on(new StockReservedEvent(cable, order, 1, new BigDecimal("3.00"), 4), at(TUESDAY, "09:00:01"));
        deliver.on(new StockReservationRejectedEvent(lamp, order, 11, 0), at(TUESDAY, "09:00:01"));
        deliver.on(
                new OrderAcceptedEvent(
                        order,
                        customer,
                        new BigDecimal("3.00"),
                        List.of(new OrderLine(cable, 3), new OrderLine(lamp, 11))),
                at(TUESDAY, "09:00:02"));
        deliver.on(new ReservationConfirmedEvent(cable, order, 1), at(TUESDAY, "09:00:03"));

        assertThat(productDays(TUESDAY, TUESDAY))
                .extracting(ProductDayReport::productId, ProductDayReport::unitsSold, ProductDayReport::unitsLost)
                .containsExactly(tuple(cable, 1, 3), tuple(lamp, 0, 11));
        assertThat(days(TUESDAY))
                .extracting(DayReport::placed, DayReport::accepted)
                .containsExactly(1, 1);
    }

    @Test
    void stockAtTheEndOfTheDay_isTheStockAfterTheLastEventOfThatDay_andADayWithoutEventsHasNoRow() {
        deliver.on(new ProductRestockedEvent(lamp, 5, null), at(MONDAY, "12:00"));
        deliver.on(new ProductRestockedEvent(lamp, 7, null), at(MONDAY, "23:59:59"));
        deliver.on(new ProductRestockedEvent(lamp, 1, null), at(THURSDAY, "00:00"));

        assertThat(productDays(MONDAY, THURSDAY))
                .filteredOn(row -> row.productId().equals(lamp))
                .extracting(ProductDayReport::day, ProductDayReport::stockEndOfDay)
                .containsExactly(tuple(MONDAY, 22), tuple(THURSDAY, 23));
    }

    @Test
    void stockWrittenOff_countsTheUnitsWrittenOffOnItsDay_andLowersTheStock() {
        deliver.on(new StockWrittenOffEvent(lamp, 2, "broken", OperationId.random()), at(TUESDAY, "09:00"));
        deliver.on(new StockWrittenOffEvent(lamp, 1, "lost", OperationId.random()), at(TUESDAY, "17:00"));

        assertThat(productDays(TUESDAY, TUESDAY))
                .filteredOn(row -> row.productId().equals(lamp))
                .extracting(ProductDayReport::unitsWrittenOff, ProductDayReport::stockEndOfDay)
                .containsExactly(tuple(3, 7));
    }

    @Test
    void orderPlaced_onADayWithoutEventsOfTheProduct_carriesItsStockForward() {
        OrderId order = OrderId.random();
        deliver.on(new ProductRestockedEvent(lamp, 5, null), at(MONDAY, "12:00"));

        deliver.on(
                new OrderPlacedEvent(order, customer, List.of(new OrderLine(lamp, 1))), at(THURSDAY, "23:59:59.999"));

        ProductDayReport thursday = productDays(THURSDAY, THURSDAY).get(0);
        assertThat(thursday.unitsOrdered()).isEqualTo(1);
        assertThat(thursday.stockEndOfDay()).isEqualTo(15);
        assertThat(thursday.sellThrough()).isEqualByComparingTo("0");
    }

    @Test
    void sellThrough_withNothingSoldAndNothingLeft_isNull() {
        ProductId empty = ProductId.random();
        deliver.on(new ProductRegisteredEvent(empty, "Sold out", BigDecimal.ONE, 0), at(MONDAY, "09:00"));

        assertThat(productDays(MONDAY, MONDAY))
                .filteredOn(row -> row.productId().equals(empty))
                .singleElement()
                .extracting(ProductDayReport::sellThrough)
                .isNull();
    }

    @Test
    void orderOutcomes_countOnTheDayTheyHappened_byReason_andPlacedOnTheDayOfPlacement() {
        placedThenEnded(
                at(MONDAY, "23:00"),
                new OrderRejectedEvent(OrderId.random(), customer, RejectionReason.TIMEOUT),
                at(TUESDAY, "00:00:30"));
        placedThenEnded(
                at(TUESDAY, "10:00"),
                new OrderRejectedEvent(OrderId.random(), customer, RejectionReason.PAYMENT_DECLINED),
                at(TUESDAY, "10:00:01"));
        placedThenEnded(
                at(TUESDAY, "11:00"),
                new OrderRejectedEvent(OrderId.random(), customer, RejectionReason.OUT_OF_STOCK),
                at(TUESDAY, "11:00:01"));
        placedThenEnded(
                at(TUESDAY, "12:00"), new OrderCancelledEvent(OrderId.random(), customer), at(THURSDAY, "08:00"));

        assertThat(queries.handle(new FindDayReportsQuery(MONDAY, THURSDAY)))
                .containsExactly(
                        new DayReport(MONDAY, 1, 0, 0, 0, 0, 0, null, null),
                        new DayReport(TUESDAY, 3, 0, 1, 1, 1, 0, null, null),
                        new DayReport(THURSDAY, 0, 0, 0, 0, 0, 1, null, null));
    }

    @Test
    void ordersAccepted_giveTheMedianAndP95OfTheSecondsFromPlacedToAccepted_onTheDayOfAcceptance() {
        placedThenAccepted(at(TUESDAY, "10:00:00"), at(TUESDAY, "10:00:01"));
        placedThenAccepted(at(TUESDAY, "10:00:00"), at(TUESDAY, "10:00:02"));
        placedThenAccepted(at(TUESDAY, "10:00:00"), at(TUESDAY, "10:00:03.5"));
        placedThenAccepted(at(MONDAY, "23:59:59.750"), at(TUESDAY, "00:00:09.750"));

        DayReport tuesday = days(TUESDAY);
        assertThat(tuesday.accepted()).isEqualTo(4);
        assertThat(tuesday.placed()).isEqualTo(3);
        assertThat(tuesday.medianSecondsToAccept()).isEqualByComparingTo("2.750");
        assertThat(tuesday.p95SecondsToAccept()).isEqualByComparingTo("9.025");
        assertThat(days(MONDAY).medianSecondsToAccept()).isNull();
    }

    @Test
    void eventsDeliveredAgain_countOnce() throws Exception {
        OrderId order = OrderId.random();
        AnnotationEventHandlerAdapter axon = new AnnotationEventHandlerAdapter(projector);
        List<GenericDomainEventMessage<?>> messages = List.of(
                message(
                        "Order",
                        order.value(),
                        0,
                        new OrderPlacedEvent(order, customer, List.of(new OrderLine(lamp, 2))),
                        at(TUESDAY, "10:00")),
                message(
                        "Product",
                        lamp.value(),
                        1,
                        new StockReservedEvent(lamp, order, 2, new BigDecimal("20.00")),
                        at(TUESDAY, "10:00:01")),
                message(
                        "Order",
                        order.value(),
                        1,
                        new OrderAcceptedEvent(order, customer, new BigDecimal("40.00")),
                        at(TUESDAY, "10:00:02")),
                message(
                        "Product",
                        lamp.value(),
                        2,
                        new ReservationConfirmedEvent(lamp, order, 2),
                        at(TUESDAY, "10:00:03")));

        for (int delivery = 0; delivery < 2; delivery++) {
            for (GenericDomainEventMessage<?> message : messages) {
                axon.handle(message);
            }
        }

        assertThat(productDays(TUESDAY, TUESDAY))
                .containsExactly(new ProductDayReport(
                        TUESDAY,
                        lamp,
                        "Desk lamp",
                        2,
                        2,
                        money("40.00"),
                        0,
                        0,
                        0,
                        money("0.00"),
                        8,
                        new BigDecimal("0.2000")));
        assertThat(days(TUESDAY))
                .extracting(DayReport::placed, DayReport::accepted)
                .containsExactly(1, 1);
    }

    @Test
    void reset_emptiesEveryReportTable() throws Exception {
        placedThenAccepted(at(TUESDAY, "10:00"), at(TUESDAY, "10:00:01"));
        deliver.on(new StockReservedEvent(lamp, OrderId.random(), 1, BigDecimal.ONE), at(TUESDAY, "10:00"));

        new AnnotationEventHandlerAdapter(projector).prepareReset();

        assertThat(List.of(
                        "product_day_report",
                        "report_product",
                        "report_reservation",
                        "day_report",
                        "order_timing_report"))
                .allSatisfy(table ->
                        assertThat(ViewDatabase.count(jdbc, table)).as(table).isZero());
    }

    private void placedThenEnded(Instant placedAt, Object terminal, Instant endedAt) {
        OrderId order = terminal instanceof OrderRejectedEvent rejected
                ? rejected.orderId()
                : ((OrderCancelledEvent) terminal).orderId();
        deliver.on(new OrderPlacedEvent(order, customer, List.of(new OrderLine(cable, 1))), placedAt);
        deliver.on(terminal, endedAt);
    }

    private void placedThenAccepted(Instant placedAt, Instant acceptedAt) {
        OrderId order = OrderId.random();
        deliver.on(new OrderPlacedEvent(order, customer, List.of(new OrderLine(cable, 1))), placedAt);
        deliver.on(new OrderAcceptedEvent(order, customer, new BigDecimal("3.00")), acceptedAt);
    }

    private List<ProductDayReport> productDays(LocalDate from, LocalDate to) {
        return queries.handle(new FindProductDayReportsQuery(from, to));
    }

    private DayReport days(LocalDate day) {
        return queries.handle(new FindDayReportsQuery(day, day)).get(0);
    }

    private static GenericDomainEventMessage<?> message(
            String type, String aggregateId, long sequence, Object event, Instant at) {
        return new GenericDomainEventMessage<>(
                type,
                aggregateId,
                sequence,
                event,
                MetaData.emptyInstance(),
                UUID.randomUUID().toString(),
                at);
    }

    private static Instant at(LocalDate day, String time) {
        return Instant.parse(day + "T" + time + (time.length() == 5 ? ":00Z" : "Z"));
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void eventsInBatches_writeWhatTheyWriteOneByOne() {
        BatchEquivalence.assertBatchesWriteWhatSingleEventsWrite(
                SalesReportProjector::new,
                WorkflowEvents.messages(),
                "product_day_report",
                "report_product",
                "report_reservation",
                "day_report",
                "order_timing_report");
    }

    @Test
    void returnedStockReleased_countsTheUnitsReturned_andTakesTheirRefundOutOfTheRevenue() {
        OrderId order = OrderId.random();
        ReturnId returnId = ReturnId.random();
        deliver.on(new OrderPlacedEvent(order, customer, List.of(new OrderLine(lamp, 2))), at(TUESDAY, "10:00"));
        deliver.on(new StockReservedEvent(lamp, order, 2, new BigDecimal("19.50")), at(TUESDAY, "10:00:01"));
        deliver.on(new OrderAcceptedEvent(order, customer, new BigDecimal("39.00")), at(TUESDAY, "10:00:02"));
        deliver.on(new ReservationConfirmedEvent(lamp, order, 2), at(TUESDAY, "10:00:03"));

        deliver.on(new StockReturnedEvent(lamp, order, returnId, 1), at(WEDNESDAY, "09:00"));
        deliver.on(new ReturnedStockReleasedEvent(lamp, order, returnId, 1), at(WEDNESDAY, "09:00:01"));

        assertThat(productDays(WEDNESDAY, WEDNESDAY))
                .containsExactly(new ProductDayReport(
                        WEDNESDAY,
                        lamp,
                        "Desk lamp",
                        0,
                        0,
                        money("-19.50"),
                        0,
                        0,
                        1,
                        money("19.50"),
                        9,
                        BigDecimal.ZERO.setScale(4)));
    }
}
