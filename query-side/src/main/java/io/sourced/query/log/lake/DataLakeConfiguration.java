package io.sourced.query.log.lake;

import io.sourced.query.LingeringEventSource;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventProcessorSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data-lake processor: tracking, one segment (every event in log order, so late-committing events get their
 * own positions), batches of many events (fewer, larger files), and no dead letters: an event that cannot be
 * written stops the processor, which retries, so it waits instead of being left out. It starts only on a replica
 * whose folder is the lake's ({@link LakeProcessor}, {@link SharedLakeFolder}).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LakeSettings.class)
@ConditionalOnProperty(name = "sourced.lake.enabled", matchIfMissing = true)
class DataLakeConfiguration {

    @Bean
    LakeFiles lakeFiles(LakeSettings settings) {
        return new LakeFiles(settings.path());
    }

    @Bean
    LakeLedger lakeLedger(JdbcTemplate jdbc) {
        return new LakeLedger(jdbc);
    }

    @Bean
    SharedLakeFolder sharedLakeFolder(LakeFiles files, LakeLedger ledger, PlatformTransactionManager transactions) {
        return new SharedLakeFolder(files, ledger, new TransactionTemplate(transactions));
    }

    @Autowired
    void oneOrderedStreamThatWaitsOnFailure(
            EventProcessingConfigurer eventProcessing,
            LakeSettings settings,
            ObjectProvider<DataLakeProjector> projector) {
        eventProcessing.registerEventProcessor(
                DataLakeProjector.PROCESSING_GROUP,
                (name, configuration, invoker) -> new LakeProcessor(
                        trackingProcessor(name, configuration, settings.linger())
                                .eventHandlerInvoker(invoker)
                                .trackingEventProcessorConfiguration(
                                        TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                                .andBatchSize(settings.batchSize())),
                        () -> projector.getObject().mayStart()));
        eventProcessing.registerListenerInvocationErrorHandler(
                DataLakeProjector.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }

    /** As Axon builds a tracking processor on the event store, but its batches linger at the head of the log. */
    private static TrackingEventProcessor.Builder trackingProcessor(
            String name, Configuration configuration, Duration linger) {
        EventProcessingConfiguration processing = configuration.eventProcessingConfiguration();
        return TrackingEventProcessor.builder()
                .name(name)
                .rollbackConfiguration(processing.rollbackConfiguration(name))
                .errorHandler(processing.errorHandler(name))
                .messageMonitor(processing.messageMonitor(TrackingEventProcessor.class, name))
                .messageSource(new LingeringEventSource(configuration.eventStore(), linger, Clock.systemUTC()))
                .tokenStore(processing.tokenStore(name))
                .transactionManager(processing.transactionManager(name))
                .spanFactory(configuration.getComponent(EventProcessorSpanFactory.class));
    }
}
