package io.sourced.query.views.ordering;

import io.sourced.query.RebuildableView;
import io.sourced.query.ViewsProcessor;
import java.util.List;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The orders view and the order history, in the views' processor, sequenced per order. Axon's Boot
 * auto-configuration re-registers a sequencing policy for every processing group named under
 * {@code axon.eventhandling.processors.*}: whoever configures {@code orders-view} there must set its
 * {@code sequencing-policy} to {@value #SEQUENCING_POLICY_BEAN}.
 */
@Configuration(proxyBeanMethods = false)
class OrdersViewConfiguration {

    static final String SEQUENCING_POLICY_BEAN = "ordersViewSequencingPolicy";

    @Bean(SEQUENCING_POLICY_BEAN)
    SequencingPolicy<EventMessage<?>> ordersViewSequencingPolicy() {
        return new OrderIdSequencingPolicy();
    }

    @Autowired
    void sequenceOrdersViewPerOrder(EventProcessingConfigurer eventProcessing) {
        ViewsProcessor.assign(eventProcessing, OrderViewProjector.PROCESSING_GROUP);
        ViewsProcessor.assign(eventProcessing, OrderHistoryProjector.PROCESSING_GROUP);
        eventProcessing.registerSequencingPolicy(
                OrderViewProjector.PROCESSING_GROUP, configuration -> new OrderIdSequencingPolicy());
        eventProcessing.registerSequencingPolicy(
                OrderHistoryProjector.PROCESSING_GROUP, configuration -> new OrderIdSequencingPolicy());
    }

    @Bean
    RebuildableView ordersViewRebuild(QueryUpdateEmitter updates) {
        return new RebuildableView(
                OrderViewProjector.PROCESSING_GROUP,
                List.of("order_view", "order_line_view", "order_return_view", "order_return_line_view"),
                jdbc -> List.of(new OrderViewProjector(jdbc, updates)));
    }

    @Bean
    RebuildableView orderHistoryRebuild() {
        return new RebuildableView(
                OrderHistoryProjector.PROCESSING_GROUP,
                List.of("order_history_view"),
                jdbc -> List.of(new OrderHistoryProjector(jdbc)));
    }
}
