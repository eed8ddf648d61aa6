package io.sourced.query.log.catalog;

import io.sourced.api.catalog.EventSchema;
import io.sourced.api.catalog.FindEventCatalogQuery;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** The event catalog for whoever asks over the query bus (the catalog page). */
@Component
class CatalogQueries {

    private final EventCatalog catalog;

    CatalogQueries(EventCatalog catalog) {
        this.catalog = catalog;
    }

    /** Ask with {@code ResponseTypes.multipleInstancesOf(EventSchema.class)}. */
    @QueryHandler
    List<EventSchema> handle(FindEventCatalogQuery query) {
        return catalog.entries().stream()
                .map(entry -> new EventSchema(
                        entry.type(), entry.revision(), entry.schema().toString()))
                .toList();
    }
}
