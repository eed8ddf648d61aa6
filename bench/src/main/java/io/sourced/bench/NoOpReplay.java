package io.sourced.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.OptionalLong;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * The whole event log through a handler that does nothing, in the runner: an Axon tracking processor as the
 * application configures its views (one thread, {@link #BATCH} events a batch: the application's
 * {@code sourced.processors.batch-size}), over Axon's JDBC storage engine on the store's database, its token in memory. What is left is the cost of reading the log and handing each event over.
 */
final class NoOpReplay {

    static final int BATCH = 100;

    private NoOpReplay() {}

    /** Events a second; a replay not done within the limit is measured by how far it got. */
    static Progress run(Store.Postgres store, long head, Duration limit) throws InterruptedException {
        try (HikariDataSource dataSource = dataSource(store)) {
            Serializer serializer = new EventShapes().serializer();
            EmbeddedEventStore events = EmbeddedEventStore.builder()
                    .storageEngine(JdbcEventStorageEngine.builder()
                            .connectionProvider(new DataSourceConnectionProvider(dataSource))
                            .transactionManager(NoTransactionManager.INSTANCE)
                            .eventSerializer(serializer)
                            .snapshotSerializer(serializer)
                            .build())
                    .build();
            EventMessageHandler noOp = event -> null;
            TrackingEventProcessor processor = TrackingEventProcessor.builder()
                    .name("bench-no-op")
                    .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                            .eventHandlers(noOp)
                            .build())
                    .messageSource(events)
                    .tokenStore(new InMemoryTokenStore())
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .trackingEventProcessorConfiguration(
                            TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                    .andBatchSize(BATCH))
                    .build();
            long started = System.nanoTime();
            processor.start();
            try {
                return Progress.await(head, limit, started, () -> position(processor));
            } finally {
                processor.shutDown();
                events.shutDown();
            }
        }
    }

    private static long position(TrackingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min()
                .orElse(0);
    }

    private static HikariDataSource dataSource(Store.Postgres store) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(store.server().url() + store.name());
        dataSource.setUsername(store.server().user());
        dataSource.setMaximumPoolSize(4);
        return dataSource;
    }
}
