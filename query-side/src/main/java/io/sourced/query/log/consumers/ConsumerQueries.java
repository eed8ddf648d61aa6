package io.sourced.query.log.consumers;

import io.sourced.api.consumers.ConsumerView;
import io.sourced.api.consumers.FindConsumerQuery;
import io.sourced.api.consumers.FindConsumersQuery;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The consumers, asked over the query bus. */
@Component
@EnableConfigurationProperties(FeedSettings.class)
class ConsumerQueries {

    private final ConsumerRegistry registry;

    ConsumerQueries(ConsumerRegistry registry) {
        this.registry = registry;
    }

    /** Ask with {@code ResponseTypes.multipleInstancesOf(ConsumerView.class)}. */
    @QueryHandler
    List<ConsumerView> handle(FindConsumersQuery query) {
        return registry.all();
    }

    /** Ask with {@code ResponseTypes.optionalInstanceOf(ConsumerView.class)}. */
    @QueryHandler
    Optional<ConsumerView> handle(FindConsumerQuery query) {
        return registry.find(query.consumerId());
    }
}
