package io.sourced.app;

import io.sourced.query.views.ordering.OrderUpdates;
import io.sourced.ui.LiveOrders;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the pages ask of the application: following an order over the query bus, as the API's stream does. Its own
 * {@link OrderUpdates}, since a process of the ui role alone runs no query side.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("sourced.role.ui")
class PageWiring {

    @Bean
    LiveOrders liveOrders(QueryGateway queries) {
        return new OrderUpdates(queries)::follow;
    }
}
