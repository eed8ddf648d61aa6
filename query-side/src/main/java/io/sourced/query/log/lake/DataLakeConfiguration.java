package io.sourced.query.log.lake;

import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The data-lake processor: tracking, one segment (every event in log order, so late-committing events get their
 * own positions), batches of many events (fewer, larger files), and no dead letters: an event that cannot be
 * written stops the processor, which retries, so it waits instead of being left out.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LakeSettings.class)
@ConditionalOnProperty(name = "sourced.lake.enabled", matchIfMissing = true)
class DataLakeConfiguration {

    @Autowired
    void oneOrderedStreamThatWaitsOnFailure(EventProcessingConfigurer eventProcessing, LakeSettings settings) {
        eventProcessing.registerTrackingEventProcessor(
                DataLakeProjector.PROCESSING_GROUP,
                Configuration::eventStore,
                configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(settings.batchSize()));
        eventProcessing.registerListenerInvocationErrorHandler(
                DataLakeProjector.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
