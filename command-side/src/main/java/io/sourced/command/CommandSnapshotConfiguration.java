package io.sourced.command;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Products and accounts see many events per order; a snapshot keeps their loading short. */
@Configuration(proxyBeanMethods = false)
class CommandSnapshotConfiguration {

    @Bean
    SnapshotTriggerDefinition productSnapshotTrigger(
            Snapshotter snapshotter, @Value("${sourced.snapshot.threshold:50}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean
    SnapshotTriggerDefinition customerAccountSnapshotTrigger(
            Snapshotter snapshotter, @Value("${sourced.snapshot.threshold:50}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
