package io.sourced.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

class FreshAggregateCacheTest {

    private final EventStore store = mock(EventStore.class);
    private final FreshAggregateCache cache = new FreshAggregateCache(2, () -> store);

    @Test
    void anAggregateStillTheLatest_isHandedOut() {
        AggregateCacheEntry<Object> entry = entryAtVersion(7L);
        cache.put("p1", entry);
        when(store.lastSequenceNumberFor("p1")).thenReturn(Optional.of(7L));

        assertThat(cache.<String, Object>get("p1")).isSameAs(entry);
    }

    @Test
    void anAggregateAnotherReplicaAppendedTo_isDroppedAndLoadedAfresh() {
        cache.put("p1", entryAtVersion(7L));
        when(store.lastSequenceNumberFor("p1")).thenReturn(Optional.of(8L));

        assertThat(cache.<String, Object>get("p1")).isNull();
        assertThat(cache.containsKey("p1")).isFalse();
    }

    @Test
    void theLeastRecentlyUsed_goesFirst_whenFull() {
        when(store.lastSequenceNumberFor("p1")).thenReturn(Optional.of(1L));
        cache.put("p1", entryAtVersion(1L));
        cache.put("p2", entryAtVersion(1L));
        cache.get("p1");
        cache.put("p3", entryAtVersion(1L));

        assertThat(cache.containsKey("p1")).isTrue();
        assertThat(cache.containsKey("p2")).isFalse();
        assertThat(cache.size()).isEqualTo(2);
    }

    @SuppressWarnings("unchecked")
    private static AggregateCacheEntry<Object> entryAtVersion(Long version) {
        EventSourcedAggregate<Object> aggregate = mock(EventSourcedAggregate.class);
        when(aggregate.version()).thenReturn(version);
        when(aggregate.getAggregateRoot()).thenReturn(new Object());
        when(aggregate.isDeleted()).thenReturn(false);
        return new AggregateCacheEntry<>(aggregate);
    }
}
