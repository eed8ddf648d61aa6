package io.sourced.query.log.eventlog;

import static io.sourced.query.log.eventlog.EventStoreDatabase.REST_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.eventlog.FindAggregateTrailQuery;
import io.sourced.api.eventlog.FindOrderTraceQuery;
import io.sourced.api.eventlog.TrailEntry;
import io.sourced.api.eventlog.TrailPage;
import io.sourced.api.finance.AccountOpenedEvent;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.PaymentAuthorizedEvent;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.query.ViewDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class TrailQueriesTest {

    private final CustomerId alice = CustomerId.random();
    private final ProductId apples = ProductId.random();
    private final OrderId order = OrderId.random();
    private final EventStoreDatabase events = new EventStoreDatabase();

    private EventIndex index;
    private TrailQueries queries;

    @BeforeEach
    void setUp() throws Exception {
        events.append(
                "Product",
                apples.value(),
                0,
                new ProductRegisteredEvent(apples, "Apples", new BigDecimal("1.50"), 10),
                "admin",
                "t-product");
        events.append("CustomerAccount", alice.value(), 0, new AccountOpenedEvent(alice, "Alice"), "admin", "t-alice");
        events.append(
                "Order",
                order.value(),
                0,
                new OrderPlacedEvent(order, alice, List.of(new OrderLine(apples, 2))),
                "alice",
                "t-1");
        events.append(
                "Product",
                apples.value(),
                1,
                new StockReservedEvent(apples, order, 2, new BigDecimal("1.50")),
                "alice",
                "t-1");
        events.append(
                "CustomerAccount",
                alice.value(),
                1,
                new PaymentAuthorizedEvent(alice, order, new BigDecimal("3.00"), new BigDecimal("7.00")),
                "alice",
                "t-1");

        JdbcTemplate views = ViewDatabase.migrated();
        AnnotationEventHandlerAdapter projector =
                new AnnotationEventHandlerAdapter(new EventLogProjector(views, REST_JSON));
        for (TrackedEventMessage<?> event : events.readAll()) {
            projector.handle(event);
        }
        index = new EventIndex(views, REST_JSON);
        queries = new TrailQueries(index, new EventLogSettings(Duration.ofSeconds(10), 100, 1000));
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void orderTrace_answersEveryEventOfItsTrace_inLogOrder_withWhoCausedIt() {
        List<TrailEntry> trace = queries.handle(new FindOrderTraceQuery(order));

        assertThat(trace)
                .extracting(TrailEntry::type)
                .containsExactly("OrderPlacedEvent", "StockReservedEvent", "PaymentAuthorizedEvent");
        assertThat(trace).extracting(TrailEntry::position).containsExactly(3L, 4L, 5L);
        assertThat(trace).extracting(TrailEntry::username).containsOnly("alice");
        assertThat(trace.get(1).aggregateType()).isEqualTo("Product");
        assertThat(trace.get(1).aggregateId()).isEqualTo(apples.value());
        assertThat(trace.get(0).at()).isNotNull();
    }

    @Test
    void orderTrace_ofAnUnknownOrder_isEmpty() {
        assertThat(queries.handle(new FindOrderTraceQuery(OrderId.random()))).isEmpty();
    }

    @Test
    void aggregateTrail_answersItsLatestEventsOldestFirst_andWhereTheEarlierOnesEnd() {
        TrailPage whole = queries.handle(new FindAggregateTrailQuery(alice.value(), null, null, 100));
        assertThat(whole.entries())
                .extracting(TrailEntry::type)
                .containsExactly("AccountOpenedEvent", "PaymentAuthorizedEvent");
        assertThat(whole.entries()).extracting(TrailEntry::username).containsExactly("admin", "alice");
        assertThat(whole.earlierBefore()).isNull();

        TrailPage latest = queries.handle(new FindAggregateTrailQuery(alice.value(), null, null, 1));
        assertThat(latest.entries()).extracting(TrailEntry::type).containsExactly("PaymentAuthorizedEvent");
        assertThat(latest.earlierBefore()).isEqualTo(1L);
        TrailPage earlier = queries.handle(new FindAggregateTrailQuery(alice.value(), 1L, null, 1));
        assertThat(earlier.entries()).extracting(TrailEntry::type).containsExactly("AccountOpenedEvent");
        assertThat(earlier.earlierBefore()).isNull();
    }

    @Test
    void aggregateTrail_upToAnInstant_leavesOutTheLaterEvents_andALimitBeyondTheMaximumIsHeldToIt() {
        Instant first = queries.handle(new FindAggregateTrailQuery(alice.value(), null, null, 100))
                .entries()
                .get(0)
                .at();
        assertThat(queries.handle(new FindAggregateTrailQuery(alice.value(), null, first.minusMillis(1), 10))
                        .entries())
                .isEmpty();
        assertThat(queries.handle(new FindAggregateTrailQuery(alice.value(), null, Instant.MIN, 10))
                        .entries())
                .isEmpty();
        assertThat(queries.handle(new FindAggregateTrailQuery(alice.value(), null, Instant.MAX, 10))
                        .entries())
                .hasSize(2);

        TrailQueries heldToOne = new TrailQueries(index, new EventLogSettings(Duration.ofSeconds(10), 1, 1));
        TrailPage page = heldToOne.handle(new FindAggregateTrailQuery(alice.value(), null, null, 1000));
        assertThat(page.entries()).hasSize(1);
        assertThat(page.earlierBefore()).isEqualTo(1L);
    }
}
