package io.sourced.query.views.ordering;

import io.sourced.api.ordering.FindOrderQuery;
import io.sourced.api.ordering.FindOrdersQuery;
import io.sourced.api.ordering.OrderPage;
import io.sourced.api.ordering.OrderView;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers order queries from the orders view. */
@Component
class OrderViewQueries {

    static final int MAX_PAGE_SIZE = 100;

    private final OrderViewRows rows;

    OrderViewQueries(JdbcTemplate jdbc) {
        this.rows = new OrderViewRows(jdbc);
    }

    /** Ask with {@code ResponseTypes.optionalInstanceOf(OrderView.class)}. */
    @QueryHandler
    Optional<OrderView> handle(FindOrderQuery query) {
        return rows.find(query.orderId());
    }

    @QueryHandler
    OrderPage handle(FindOrdersQuery query) {
        if (query.page() < 0) {
            throw new IllegalArgumentException("page must be at least 0");
        }
        if (query.size() < 1 || query.size() > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_PAGE_SIZE);
        }
        return rows.page(query.customerId(), query.status(), query.page(), query.size());
    }
}
