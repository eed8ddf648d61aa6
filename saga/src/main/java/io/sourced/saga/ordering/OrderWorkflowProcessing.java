package io.sourced.saga.ordering;

import io.sourced.saga.processing.SagaProcessing;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the workflow's processor runs the saga ({@link SagaProcessing}): a failing step stops the segment, which retries
 * it; each order's events are handled only in the segment that owns the order.
 */
@Configuration(proxyBeanMethods = false)
class OrderWorkflowProcessing {

    static final String PROCESSING_GROUP = "OrderFulfilmentSagaProcessor";

    @Bean
    ConfigurerModule orderFulfilmentSagaProcessing() {
        return SagaProcessing.of(OrderFulfilmentSaga.class, PROCESSING_GROUP);
    }
}
