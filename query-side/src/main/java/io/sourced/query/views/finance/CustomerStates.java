package io.sourced.query.views.finance;

import io.sourced.query.AggregateStates;
import io.sourced.query.AsOf;
import org.springframework.stereotype.Component;

/** A customer account's view after each of its events: {@link CustomerFold} as "as of" reads run it. */
@Component
class CustomerStates implements AggregateStates {

    private final AsOf asOf;

    CustomerStates(AsOf asOf) {
        this.asOf = asOf;
    }

    @Override
    public String aggregateType() {
        return "CustomerAccount";
    }

    @Override
    public void versions(String aggregateId, long after, int limit, AsOf.Version<Object> each) {
        asOf.versions(CustomerFold.AS_OF, aggregateId, after, limit, each::accept);
    }
}
