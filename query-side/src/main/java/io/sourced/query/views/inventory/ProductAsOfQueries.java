package io.sourced.query.views.inventory;

import io.sourced.api.inventory.FindProductAsOfQuery;
import io.sourced.api.inventory.ProductView;
import io.sourced.query.AsOf;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** A product as it was at an instant: {@link ProductFold} over its events up to then. */
@Component
class ProductAsOfQueries {

    private final AsOf asOf;

    ProductAsOfQueries(AsOf asOf) {
        this.asOf = asOf;
    }

    /** Ask with {@code ResponseTypes.optionalInstanceOf(ProductView.class)}. */
    @QueryHandler
    Optional<ProductView> handle(FindProductAsOfQuery query) {
        return asOf.view(ProductFold.AS_OF, query.productId().value(), query.asOf());
    }
}
