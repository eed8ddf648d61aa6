package io.sourced.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Aggregates kept in memory between commands (the most recently used, at most {@code capacity}), each handed out only
 * while it is still the latest: its version is checked against the event store's last sequence number for it, one
 * indexed read instead of a snapshot and the events after it. Another replica on the same database may have appended
 * to the aggregate meanwhile; a copy behind would decide on stale state, and a command it answers with no event (a
 * confirmation of a reservation it never saw) would be lost without the conflict that a stale append runs into.
 */
final class FreshAggregateCache implements Cache {

    private final Map<Object, Object> entries;
    private final Supplier<EventStore> eventStore;

    FreshAggregateCache(int capacity, Supplier<EventStore> eventStore) {
        this.eventStore = eventStore;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        if (entry instanceof AggregateCacheEntry<?> cached && !isLatest(key, cached)) {
            remove(key);
            return null;
        }
        return (V) entry;
    }

    @Override
    public void put(Object key, Object value) {
        synchronized (entries) {
            entries.put(key, value);
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        synchronized (entries) {
            return entries.putIfAbsent(key, value) == null;
        }
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T cached = get(key);
        if (cached != null) {
            return cached;
        }
        T value = valueSupplier.get();
        put(key, value);
        return value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        synchronized (entries) {
            entries.computeIfPresent(key, (k, value) -> update.apply((V) value));
        }
    }

    @Override
    public boolean remove(Object key) {
        synchronized (entries) {
            return entries.remove(key) != null;
        }
    }

    @Override
    public void removeAll() {
        synchronized (entries) {
            entries.clear();
        }
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    /** Nothing here reports its entries' comings and goings (the repositories do not ask). */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return () -> true;
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private boolean isLatest(Object key, AggregateCacheEntry<?> cached) {
        // kept in this process's memory, never serialized: the entry still holds the aggregate it was made of
        Long version = cached.recreateAggregate(null, null, null).version();
        Long latest = eventStore.get().lastSequenceNumberFor(key.toString()).orElse(null);
        return Objects.equals(version, latest);
    }
}
