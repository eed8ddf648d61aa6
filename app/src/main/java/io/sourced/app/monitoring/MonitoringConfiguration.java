package io.sourced.app.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointProperties;
import org.springframework.boot.actuate.health.SimpleStatusAggregator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every process measures of its event processors, whatever its roles, and how its health adds up. The figures
 * read from the database (positions, lags, dead letters) come from the query side's operations.
 */
@Configuration(proxyBeanMethods = false)
class MonitoringConfiguration {

    /** {@code sourced_processor_handled_events_total}, per processor this process runs; Prometheus rates it. */
    @Autowired
    void countHandledEvents(EventProcessingConfigurer eventProcessing, ObjectProvider<MeterRegistry> registries) {
        eventProcessing.registerDefaultHandlerInterceptor(
                (configuration, processor) -> new HandledEvents(Counter.builder("sourced.processor.handled")
                        .tag("processor", processor)
                        .baseUnit("events")
                        .description("Events the processor handled in committed batches, in this process")
                        .register(registries.getIfAvailable(SimpleMeterRegistry::new))));
    }

    /**
     * The health statuses in the order of {@code management.endpoint.health.status.order}, the custom
     * {@code DEGRADED} among them. Declared here so that it is the one aggregator: under Axon Server, Axon would
     * otherwise put in its own, which knows its {@code WARN} but not {@code DEGRADED} and would leave it out.
     */
    @Bean
    SimpleStatusAggregator statusAggregator(HealthEndpointProperties health) {
        return new SimpleStatusAggregator(health.getStatus().getOrder());
    }
}
