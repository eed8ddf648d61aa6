package io.sourced.command;

import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The command side's aggregate types and their cache, for a configuration of Axon's own (a what-if timeline's
 * sandbox) to run the same aggregates as the live one: the aggregates stay package-private in their features, and a
 * new one is found here without being named.
 */
public final class Aggregates {

    private static final List<Class<?>> TYPES = scan();

    private Aggregates() {}

    /**
     * The live command side's cache of aggregates (see {@code FreshAggregateCache}), at most {@code capacity} of one
     * type, each checked against {@code eventStore}'s last sequence number before use.
     */
    public static Cache cache(int capacity, Supplier<EventStore> eventStore) {
        return new FreshAggregateCache(capacity, eventStore);
    }

    /** Every class of the command side annotated {@link Aggregate}, by name. */
    public static List<Class<?>> types() {
        return TYPES;
    }

    private static List<Class<?>> scan() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Aggregate.class));
        return scanner.findCandidateComponents(Aggregates.class.getPackageName()).stream()
                .map(definition ->
                        ClassUtils.resolveClassName(definition.getBeanClassName(), Aggregates.class.getClassLoader()))
                .<Class<?>>map(type -> type)
                .sorted(Comparator.comparing(Class::getName))
                .toList();
    }
}
