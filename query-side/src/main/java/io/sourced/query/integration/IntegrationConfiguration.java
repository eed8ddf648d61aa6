package io.sourced.query.integration;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * A shipment that fails must wait and be tried again, never be logged and skipped (Axon's default for a handler's
 * exception): the shipping group's errors stop its processor, which retries the event with back-off.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntegrationSettings.class)
class IntegrationConfiguration {

    @Autowired
    void shipEveryOrderOrWait(EventProcessingConfigurer eventProcessing) {
        eventProcessing.registerListenerInvocationErrorHandler(
                OrderShipper.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
