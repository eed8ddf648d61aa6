package io.sourced.query.log.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Every event type of the api module (the classes under {@code io.sourced.api} whose name ends with
 * {@code Event}), found on the classpath once, with its revision and schema, sorted by type.
 */
@Component
public class EventCatalog {

    static final String EVENTS_PACKAGE = "io.sourced.api";

    private final List<CatalogEntry> entries;

    public EventCatalog() {
        List<CatalogEntry> found = eventTypes(EVENTS_PACKAGE).stream()
                .map(CatalogEntry::of)
                .sorted(Comparator.comparing(CatalogEntry::type))
                .toList();
        Map<String, Long> byType =
                found.stream().collect(Collectors.groupingBy(CatalogEntry::type, Collectors.counting()));
        byType.forEach((type, count) -> {
            if (count > 1) {
                throw new IllegalStateException(count + " event types are named " + type + ": names must be unique");
            }
        });
        this.entries = found;
    }

    /** The name of every event type. */
    public Set<String> types() {
        return entries.stream().map(CatalogEntry::type).collect(Collectors.toUnmodifiableSet());
    }

    /** Copies: the schemas are mutable JSON trees. */
    public List<CatalogEntry> entries() {
        return entries.stream().map(CatalogEntry::copy).toList();
    }

    static List<Class<?>> eventTypes(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(
                (reader, factory) -> reader.getClassMetadata().getClassName().endsWith("Event"));
        return scanner.findCandidateComponents(basePackage).stream()
                .map(BeanDefinition::getBeanClassName)
                .map(load())
                .sorted(Comparator.comparing(Class::getName))
                .toList();
    }

    private static Function<String, Class<?>> load() {
        ClassLoader loader = ClassUtils.getDefaultClassLoader();
        return name -> ClassUtils.resolveClassName(name, loader);
    }
}
