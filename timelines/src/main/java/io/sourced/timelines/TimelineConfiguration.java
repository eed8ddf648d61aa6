package io.sourced.timelines;

import io.sourced.command.ordering.ReturnSettings;
import io.sourced.saga.ordering.OrderWorkflowSettings;
import io.sourced.saga.returns.ReturnWorkflowSettings;
import io.sourced.timelines.engine.TimelineEngine;
import io.sourced.timelines.engine.Workflows;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine reads the live event store; its sandbox's workflows time orders out and give returns up as the live ones
 * do, and its orders take returns within the live window.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
    TimelineSettings.class,
    OrderWorkflowSettings.class,
    ReturnWorkflowSettings.class,
    ReturnSettings.class
})
class TimelineConfiguration {

    @Bean
    TimelineEngine timelineEngine(
            EventStore eventStore,
            OrderWorkflowSettings workflow,
            ReturnWorkflowSettings returnWorkflow,
            ReturnSettings returns) {
        return new TimelineEngine(eventStore, new Workflows(workflow, returnWorkflow, returns.window()));
    }
}
