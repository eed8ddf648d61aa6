package io.sourced.query.log.eventlog;

import static io.sourced.query.log.eventlog.EventStoreDatabase.REST_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRestockedEvent;
import java.time.Clock;
import java.time.Duration;
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

    private EventFeed feedAt(Clock clock) {
        return new EventFeed(events.store, events.engine, new EventMapper(REST_JSON), GAP_TIMEOUT, clock);
    }

    private void restock(int times) {
        long sequence = events.jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
        for (int i = 0; i < times; i++) {
            events.append("Product", apples.value(), sequence + i, new ProductRestockedEvent(apples, 1), "admin", "t");
        }
    }

    private static List<Long> positions(List<Event> page) {
        return page.stream().map(Event::position).toList();
    }

    @Test
    void page_resumedAfterTheLastPositionSeen_missesAndRepeatsNothing() {
        restock(5);
        EventFeed feed = feedAt(Clock.systemUTC());

        assertThat(positions(feed.page(-1, 2))).containsExactly(1L, 2L);
        assertThat(positions(feed.page(2, 2))).containsExactly(3L, 4L);
        assertThat(positions(feed.page(4, 100))).containsExactly(5L);
        assertThat(feed.page(5, 100)).isEmpty();
        assertThat(positions(feed.page(0, 100))).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void page_servesEventsWithTheirAggregateSequenceAndPayload() {
        restock(2);

        List<Event> page = feedAt(Clock.systemUTC()).page(-1, 10);

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

        EventFeed feed = feedAt(Clock.systemUTC());

        assertThat(positions(feed.page(-1, 10))).containsExactly(1L);
        assertThat(feed.page(1, 10)).isEmpty();
    }

    @Test
    void page_afterAGapOlderThanTheTimeout_stepsOverIt() {
        restock(3);
        events.jdbc.update("DELETE FROM domainevententry WHERE globalindex = 2"); // a rolled-back write

        EventFeed later = feedAt(Clock.offset(Clock.systemUTC(), GAP_TIMEOUT.plusSeconds(1)));

        assertThat(positions(later.page(-1, 10))).containsExactly(1L, 3L);
        assertThat(positions(later.page(1, 10))).containsExactly(3L);
    }

    @Test
    void page_ofAnEmptyLog_isEmpty() {
        assertThat(feedAt(Clock.systemUTC()).page(-1, 10)).isEmpty();
    }
}
