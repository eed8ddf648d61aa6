package io.sourced.query.views.finance;

import io.sourced.api.finance.CustomerView;
import io.sourced.api.finance.FindCustomerAsOfQuery;
import io.sourced.query.AsOf;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** A customer as it was at an instant: {@link CustomerFold} over the account's events up to then. */
@Component
class CustomerAsOfQueries {

    private final AsOf asOf;

    CustomerAsOfQueries(AsOf asOf) {
        this.asOf = asOf;
    }

    /** Ask with {@code ResponseTypes.optionalInstanceOf(CustomerView.class)}. */
    @QueryHandler
    Optional<CustomerView> handle(FindCustomerAsOfQuery query) {
        return asOf.view(CustomerFold.AS_OF, query.customerId().value(), query.asOf());
    }
}
