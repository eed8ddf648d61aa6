package io.sourced.query.log.eventlog;

import static io.sourced.query.log.eventlog.EventStoreDatabase.REST_JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRestockedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

/**
 * The feed without a storage engine, as under Axon Server: positions from 0, a {@link GlobalSequenceTrackingToken}
 * to start from, and a stream whose events arrive a moment after it opens.
 */
class EventFeedFromEventStoreTest {

    private final ProductId apples = ProductId.random();
    private final List<TrackedEventMessage<?>> log = new ArrayList<>();
    private final List<TrackingToken> opened = new ArrayList<>();
    private final EventStore store = mock(EventStore.class);

    EventFeedFromEventStoreTest() {
        for (int position = 0; position < 3; position++) {
            log.add(new GenericTrackedDomainEventMessage<>(
                    new GlobalSequenceTrackingToken(position),
                    new GenericDomainEventMessage<>(
                            "Product",
                            apples.value(),
                            position,
                            new ProductRestockedEvent(apples, 1, null),
                            MetaData.with("username", "admin"))));
        }
        when(store.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(log.size() - 1));
        when(store.openStream(any())).thenAnswer(call -> {
            TrackingToken start = call.getArgument(0);
            opened.add(start);
            int from = start == null ? 0 : (int) ((GlobalSequenceTrackingToken) start).getGlobalIndex() + 1;
            return new LateStream(log.subList(from, log.size()));
        });
    }

    private List<Long> positions(long after, int limit) {
        return new EventFeed(store, null, new EventMapper(REST_JSON), Duration.ofSeconds(10), EventFeed.NO_GAPS)
                .page(after, limit).stream().map(Event::position).toList();
    }

    @Test
    void page_fromTheStart_waitsForEventsUpToTheHead() {
        assertThat(positions(-1, 10)).containsExactly(0L, 1L, 2L);
        assertThat(opened).containsExactly((TrackingToken) null);
    }

    @Test
    void page_afterAPosition_startsFromAGlobalSequenceToken() {
        assertThat(positions(0, 1)).containsExactly(1L);
        assertThat(positions(1, 10)).containsExactly(2L);
        assertThat(opened).containsExactly(new GlobalSequenceTrackingToken(0), new GlobalSequenceTrackingToken(1));
    }

    @Test
    void page_atTheHead_isEmptyWithoutWaiting() {
        assertThat(positions(2, 10)).isEmpty();
    }

    /** Axon Server's stream: nothing is available the instant it opens; waiting a moment delivers. */
    private static final class LateStream implements BlockingStream<TrackedEventMessage<?>> {

        private final List<TrackedEventMessage<?>> events;
        private int next;

        LateStream(List<TrackedEventMessage<?>> events) {
            this.events = events;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            if (timeout <= 0) {
                return false;
            }
            if (next >= events.size()) {
                throw new AssertionError("waited for an event beyond the head");
            }
            return true;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            return events.get(next++);
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return next < events.size() ? Optional.of(events.get(next)) : Optional.empty();
        }

        @Override
        public void close() {}
    }
}
