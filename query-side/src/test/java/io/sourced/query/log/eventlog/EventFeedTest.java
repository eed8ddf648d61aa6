package io.sourced.query.log.eventlog;

import static io.sourced.query.log.eventlog.EventStoreDatabase.REST_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.ProductRestockedEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventFeedTest {

    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(10);

    private final EventStoreDatabase events = new EventStoreDatabase();
    private final ProductId apples = ProductId.random();

    @AfterEach
    void tearDown() {
        events.close();
    }

    private EventFeed feed() {
        return new EventFeed(
                events.store,
                events.engine,
                new EventMapper(REST_JSON),
                GAP_TIMEOUT,
                new RecordedAges(events.jdbc)::of);
    }

    /** The event at {@code position} recorded {@code ago} before now, on the database's clock. */
    private void recorded(long position, Duration ago) {
        OffsetDateTime now = events.jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", OffsetDateTime.class);
        events.jdbc.update(
                "UPDATE domainevententry SET recordedat = ? WHERE globalindex = ?", now.minus(ago), position);
    }

    private void restock(int times) {
        long sequence = events.jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
        for (int i = 0; i < times; i++) {
            events.append(
                    "Product", apples.value(), sequence + i, new ProductRestockedEvent(apples, 1, null), "admin", "t");
        }
    }

    private static List<Long> positions(List<Event> page) {
        return page.stream().map(Event::position).toList();
    }

    @Test
    void page_resumedAfterTheLastPositionSeen_missesAndRepeatsNothing() {
        restock(5);
        EventFeed feed = feed();

        assertThat(positions(feed.page(-1, 2))).containsExactly(1L, 2L);
        assertThat(positions(feed.page(2, 2))).containsExactly(3L, 4L);
        assertThat(positions(feed.page(4, 100))).containsExactly(5L);
        assertThat(feed.page(5, 100)).isEmpty();
        assertThat(positions(feed.page(0, 100))).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void page_servesEventsWithTheirAggregateSequenceAndPayload() {
        restock(2);

        List<Event> page = feed().page(-1, 10);

        assertThat(page).extracting(Event::sequence).containsExactly(0L, 1L);
        assertThat(page).allSatisfy(event -> {
            assertThat(event.aggregateType()).isEqualTo("Product");
            assertThat(event.aggregateId()).isEqualTo(apples.value());
            assertThat(event.type()).isEqualTo("ProductRestockedEvent");
            assertThat(event.payload().path("productId").asText()).isEqualTo(apples.value());
            assertThat(event.metadata().path("username").asText()).isEqualTo("admin");
        });
    }

    @Test
    void page_beforeAYoungGap_stopsBeforeTheEventAfterIt() {
        restock(3);
        events.jdbc.update("DELETE FROM domainevententry WHERE globalindex = 2"); // a write still committing

        EventFeed feed = feed();

        assertThat(positions(feed.page(-1, 10))).containsExactly(1L);
        assertThat(feed.page(1, 10)).isEmpty();
    }

    @Test
    void page_afterAGapOlderThanTheTimeout_stepsOverIt() {
        restock(3);
        events.jdbc.update("DELETE FROM domainevententry WHERE globalindex = 2"); // a rolled-back write

        recorded(3, GAP_TIMEOUT.plusSeconds(1));
        EventFeed later = feed();

        assertThat(positions(later.page(-1, 10))).containsExactly(1L, 3L);
        assertThat(positions(later.page(1, 10))).containsExactly(3L);
    }

    @Test
    void page_beforeAYoungGap_stopsThoughTheWriterStampedTheEventLongBefore() {
        restock(3);
        events.jdbc.update("DELETE FROM domainevententry WHERE globalindex = 2"); // a write still committing
        events.jdbc.update( // written by a process whose clock is an hour behind
                "UPDATE domainevententry SET timestamp = ? WHERE globalindex = 3",
                Instant.now().minus(Duration.ofHours(1)).toString());

        assertThat(positions(feed().page(-1, 10))).containsExactly(1L);
        assertThat(feed().page(1, 10)).isEmpty();
    }

    @Test
    void page_afterAYoungGapThatFills_servesTheEventThatFilledIt() {
        restock(3);
        events.jdbc.execute("CREATE TABLE committing AS SELECT * FROM domainevententry WHERE globalindex = 2");
        events.jdbc.update("DELETE FROM domainevententry WHERE globalindex = 2");
        EventFeed feed = feed();
        assertThat(positions(feed.page(-1, 10))).containsExactly(1L);

        events.jdbc.update("INSERT INTO domainevententry SELECT * FROM committing");

        assertThat(positions(feed.page(1, 10))).containsExactly(2L, 3L);
    }

    @Test
    void page_ofAnEmptyLog_isEmpty() {
        assertThat(feed().page(-1, 10)).isEmpty();
    }

    private void register(String name) {
        long sequence = events.jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
        events.append(
                "Product",
                apples.value(),
                sequence,
                new ProductRegisteredEvent(apples, name, BigDecimal.ONE, 1),
                "admin",
                "t");
    }

    @Test
    void scan_ofSomeTypes_servesThemAndReadsPastTheOthers() {
        restock(2);
        register("apples");
        restock(2);

        EventFeed.Scan scan = feed().scan(-1, 10, 100, "ProductRegisteredEvent"::equals);

        assertThat(positions(scan.events())).containsExactly(3L);
        assertThat(scan.readUpTo()).isEqualTo(5L);
    }

    @Test
    void scan_stopsAtItsLimitOfEventsRead_servedOrNot() {
        restock(5);
        register("apples");

        EventFeed.Scan scan = feed().scan(-1, 10, 3, "ProductRegisteredEvent"::equals);

        assertThat(scan.events()).isEmpty();
        assertThat(scan.readUpTo()).isEqualTo(3L);
        assertThat(positions(feed().scan(scan.readUpTo(), 10, 3, "ProductRegisteredEvent"::equals)
                        .events()))
                .containsExactly(6L);
    }

    @Test
    void scan_beforeAYoungGap_readsUpToItAndNoFurther() {
        restock(3);
        register("apples");
        events.jdbc.update("DELETE FROM domainevententry WHERE globalindex = 3"); // a write still committing

        EventFeed.Scan scan = feed().scan(-1, 10, 100, "ProductRegisteredEvent"::equals);

        assertThat(scan.events()).isEmpty();
        assertThat(scan.readUpTo()).isEqualTo(2L);
    }

    @Test
    void scan_ofNothing_readsUpToWhereItStarted() {
        assertThat(feed().scan(-1, 10, 100, type -> true).readUpTo()).isEqualTo(-1L);
        restock(1);
        assertThat(feed().scan(1, 10, 100, type -> true).readUpTo()).isEqualTo(1L);
    }
}
