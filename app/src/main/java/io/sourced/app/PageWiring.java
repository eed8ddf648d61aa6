package io.sourced.app;

import io.sourced.query.views.ordering.OrderUpdates;
import io.sourced.ui.LiveOrders;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the pages ask of the application: following an order over the query bus, as the API's stream does. */
@Configuration(proxyBeanMethods = false)
class PageWiring {

    @Bean
    LiveOrders liveOrders(QueryGateway queries) {
        return new OrderUpdates(queries)::follow;
    }
}
