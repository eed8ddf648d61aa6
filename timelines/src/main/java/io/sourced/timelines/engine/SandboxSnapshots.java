package io.sourced.timelines.engine;

import java.util.List;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.Snapshotter;

/**
 * The sandbox's snapshots, asked by its snapshot trigger after a command committed: the aggregate as the sandbox's
 * cache holds it (the state the command left, so nothing is read again or replayed), handed to the store, which
 * keeps a copy once the events since its last one are worth it (see {@link SeededStorageEngine#snapshotDue}). An
 * aggregate no longer cached is left for its next trigger: its events stay in the store meanwhile.
 */
final class SandboxSnapshots implements Snapshotter {

    private final SeededStorageEngine store;
    private final List<Cache> caches;

    SandboxSnapshots(SeededStorageEngine store, List<Cache> caches) {
        this.store = store;
        this.caches = caches;
    }

    @Override
    public void scheduleSnapshot(Class<?> aggregateType, String aggregateIdentifier) {
        if (!store.snapshotDue(aggregateIdentifier)) {
            return;
        }
        for (Cache cache : caches) {
            if (cache.get(aggregateIdentifier) instanceof AggregateCacheEntry<?> cached) {
                // kept in memory, never serialized: the entry still holds the aggregate it was made of
                EventSourcedAggregate<?> aggregate = cached.recreateAggregate(null, null, null);
                store.storeSnapshot(new GenericDomainEventMessage<>(
                        aggregate.type(), aggregateIdentifier, aggregate.version(), aggregate.getAggregateRoot()));
                return;
            }
        }
    }
}
