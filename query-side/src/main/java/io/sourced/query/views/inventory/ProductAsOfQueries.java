package io.sourced.query.views.inventory;

import io.sourced.api.inventory.FindProductAsOfQuery;
import io.sourced.api.inventory.ProductView;
import io.sourced.query.AsOf;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** A product as it was at an instant: {@link ProductFold} over its events up to then. */
@Component
class ProductAsOfQueries {

    private final EventStore eventStore;

    ProductAsOfQueries(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Ask with {@code ResponseTypes.optionalInstanceOf(ProductView.class)}. */
    @QueryHandler
    Optional<ProductView> handle(FindProductAsOfQuery query) {
        return AsOf.view(eventStore, query.productId().value(), query.asOf(), ProductFold::apply);
    }
}
