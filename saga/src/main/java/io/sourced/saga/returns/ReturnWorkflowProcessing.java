package io.sourced.saga.returns;

import io.sourced.saga.processing.SagaProcessing;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The returns workflow runs in a processor of its own, as the order workflow does ({@link SagaProcessing}), so that a
 * return never holds an order's steps back, nor an order a return's; each return's events are handled only in the
 * segment that owns the return.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReturnWorkflowSettings.class)
class ReturnWorkflowProcessing {

    static final String PROCESSING_GROUP = "ReturnSagaProcessor";

    @Bean
    ConfigurerModule returnSagaProcessing() {
        return SagaProcessing.of(ReturnSaga.class, PROCESSING_GROUP);
    }
}
