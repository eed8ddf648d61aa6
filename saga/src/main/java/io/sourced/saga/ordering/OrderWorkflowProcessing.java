package io.sourced.saga.ordering;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * A saga handler that fails (a command it sends fails) is never logged and skipped: the workflow would stall with
 * stock or money held. The failure stops the segment, which rolls back and retries the event with back-off.
 */
@Configuration(proxyBeanMethods = false)
class OrderWorkflowProcessing {

    static final String PROCESSING_GROUP = "OrderFulfilmentSagaProcessor";

    @Autowired
    void retryFailedSteps(EventProcessingConfigurer eventProcessing) {
        eventProcessing.registerListenerInvocationErrorHandler(
                PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
