package io.sourced.query.log.eventlog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.query.RebuildableView;
import io.sourced.query.ViewsProcessor;
import java.util.List;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event index must hold every event (it infers a gap-filling event's position from the positions it holds),
 * so an event it cannot index stops its processor, which retries, instead of being logged and left out; and it must
 * see them in log order, so its whole log is one sequence, which one segment of the views' processor handles.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventLogSettings.class)
class EventLogConfiguration {

    @Autowired
    void indexEveryEventInOrderOrStop(EventProcessingConfigurer eventProcessing) {
        ViewsProcessor.assign(eventProcessing, EventLogProjector.PROCESSING_GROUP);
        eventProcessing.registerListenerInvocationErrorHandler(
                EventLogProjector.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
        // a constant of the same hash in every replica (Axon's SequentialPolicy's is not), so that one segment takes it
        eventProcessing.registerSequencingPolicy(
                EventLogProjector.PROCESSING_GROUP, configuration -> event -> EventLogProjector.PROCESSING_GROUP);
    }

    @Bean
    RebuildableView eventLogRebuild(ObjectMapper json) {
        return new RebuildableView(
                EventLogProjector.PROCESSING_GROUP,
                List.of("event_log_view"),
                jdbc -> List.of(new EventLogProjector(jdbc, json)));
    }
}
