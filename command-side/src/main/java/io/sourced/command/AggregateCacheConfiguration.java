package io.sourced.command;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each aggregate type's cache (see {@link FreshAggregateCache}); {@code sourced.aggregate-cache.capacity} aggregates
 * of each type at most, 0 for none (every command then loads its aggregate from the store).
 */
@Configuration(proxyBeanMethods = false)
class AggregateCacheConfiguration {

    @Bean
    Cache orderCache(
            @Value("${sourced.aggregate-cache.capacity:10000}") int capacity, ObjectProvider<EventStore> eventStore) {
        return cache(capacity, eventStore);
    }

    @Bean
    Cache productCache(
            @Value("${sourced.aggregate-cache.capacity:10000}") int capacity, ObjectProvider<EventStore> eventStore) {
        return cache(capacity, eventStore);
    }

    @Bean
    Cache customerAccountCache(
            @Value("${sourced.aggregate-cache.capacity:10000}") int capacity, ObjectProvider<EventStore> eventStore) {
        return cache(capacity, eventStore);
    }

    private static Cache cache(int capacity, ObjectProvider<EventStore> eventStore) {
        if (capacity < 0) {
            throw new IllegalArgumentException("sourced.aggregate-cache.capacity must not be negative: " + capacity);
        }
        return capacity == 0 ? NoCache.INSTANCE : new FreshAggregateCache(capacity, eventStore::getObject);
    }
}
