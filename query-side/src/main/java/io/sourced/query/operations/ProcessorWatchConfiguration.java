package io.sourced.query.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.sourced.query.MetricsSettings;
import io.sourced.query.log.eventlog.Event;
import io.sourced.query.log.eventlog.EventFeed;
import java.time.Clock;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The processors watched for metrics and health, from what the operations read. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({HealthSettings.class, MetricsSettings.class})
class ProcessorWatchConfiguration {

    @Bean
    ProcessorWatch processorWatch(
            EventProcessors processors, EventFeed log, HealthSettings health, MetricsSettings metrics) {
        Clock clock = Clock.systemUTC();
        return new ProcessorWatch(
                processors::statuses,
                position -> log.scan(position, 1, 1, type -> true).events().stream()
                        .findFirst()
                        .map(Event::timestamp),
                new StallDetector(health.stallAfter(), clock),
                metrics.refresh(),
                clock);
    }

    /** {@code processors} in {@code /actuator/health}. */
    @Bean
    HealthContributor processorsHealthContributor(ProcessorWatch watch, EventProcessingConfiguration processing) {
        return new ProcessorsHealth(() -> processing.eventProcessors().keySet(), watch);
    }

    /** Registered once Axon made its processors. */
    @Bean
    ApplicationListener<ApplicationStartedEvent> processorGauges(
            ProcessorWatch watch, EventProcessingConfiguration processing, ObjectProvider<MeterRegistry> registries) {
        return started -> registries.ifAvailable(registry -> ProcessorGauges.register(
                registry, watch, processing.eventProcessors().keySet()));
    }
}
