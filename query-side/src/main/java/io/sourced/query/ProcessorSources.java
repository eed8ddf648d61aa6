package io.sourced.query;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the query side's tracking processors read: the event store, their batches lingering at the head of the log
 * ({@code sourced.processors.linger.*}, see {@link LingeringEventSource}) so that a steady load makes batches of
 * several events rather than a transaction per event. The views linger least, since people wait on them; the reports
 * and shipping may be a moment late. Named as the processors' {@code source} in {@code axon.eventhandling.processors}.
 */
@Configuration(proxyBeanMethods = false)
class ProcessorSources {

    @Bean
    LingeringEventSource viewsEventSource(
            EventStore store, @Value("${sourced.processors.linger.views:0ms}") Duration linger) {
        return lingering(store, linger);
    }

    @Bean
    LingeringEventSource reportsEventSource(
            EventStore store, @Value("${sourced.processors.linger.reports:0ms}") Duration linger) {
        return lingering(store, linger);
    }

    @Bean
    LingeringEventSource shippingEventSource(
            EventStore store, @Value("${sourced.processors.linger.shipping:0ms}") Duration linger) {
        return lingering(store, linger);
    }

    private static LingeringEventSource lingering(EventStore store, Duration linger) {
        return new LingeringEventSource(store, linger, Clock.systemUTC());
    }
}
