package io.sourced.query.views.inventory;

import io.sourced.query.AggregateStates;
import io.sourced.query.AsOf;
import org.springframework.stereotype.Component;

/** A product's view after each of its events: {@link ProductFold} as "as of" reads run it. */
@Component
class ProductStates implements AggregateStates {

    private final AsOf asOf;

    ProductStates(AsOf asOf) {
        this.asOf = asOf;
    }

    @Override
    public String aggregateType() {
        return "Product";
    }

    @Override
    public void versions(String aggregateId, long after, int limit, AsOf.Version<Object> each) {
        asOf.versions(ProductFold.AS_OF, aggregateId, after, limit, each::accept);
    }
}
