package io.sourced.query.reports;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * An order whose tier cannot be had yet (the CRM down, a replay without a journaled answer) must wait, never be
 * logged and skipped (Axon's default for a handler's exception) nor parked: the reports group's errors stop its
 * processor, which retries the event with back-off.
 */
@Configuration(proxyBeanMethods = false)
class TierRevenueConfiguration {

    @Autowired
    void countEveryOrderOrWait(EventProcessingConfigurer eventProcessing) {
        eventProcessing.registerListenerInvocationErrorHandler(TierRevenueProjector.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }
}
