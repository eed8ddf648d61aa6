package io.sourced.timelines;

import io.sourced.saga.ordering.OrderWorkflowSettings;
import io.sourced.timelines.engine.TimelineEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine reads the live event store; its sandbox's workflow times orders out as the live one does. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TimelineSettings.class, OrderWorkflowSettings.class})
class TimelineConfiguration {

    @Bean
    TimelineEngine timelineEngine(EventStore eventStore, OrderWorkflowSettings workflow) {
        return new TimelineEngine(eventStore, workflow);
    }
}
