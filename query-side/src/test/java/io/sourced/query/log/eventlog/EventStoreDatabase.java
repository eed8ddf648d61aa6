package io.sourced.query.log.eventlog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Axon's JDBC event store on a fresh in-memory H2 database, its tables made by the application's own migration
 * (identity global index), so the feed reads real tracking tokens with real gaps.
 */
final class EventStoreDatabase implements AutoCloseable {

    /** Where the app module keeps the event store's migration: query-side cannot depend on app. */
    private static final Path APP_MIGRATIONS = Path.of("app", "src", "main", "resources", "db", "migration");
    /** Axon's tables, up to when each event was recorded (V202612071930__event_recorded_at.sql). */
    private static final MigrationVersion EVENT_STORE_MIGRATION = MigrationVersion.fromVersion("202612071930");

    /** The REST layer's JSON, as Spring Boot configures it. */
    static final ObjectMapper REST_JSON = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    final JdbcTemplate jdbc;
    final JdbcEventStorageEngine engine;
    final EmbeddedEventStore store;

    EventStoreDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:events-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("filesystem:" + appMigrations())
                .target(EVENT_STORE_MIGRATION)
                .load()
                .migrate();
        Serializer serializer = JacksonSerializer.builder()
                .objectMapper(new ObjectMapper().findAndRegisterModules())
                .build();
        engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
        store = EmbeddedEventStore.builder().storageEngine(engine).build();
    }

    /** Appends one event of an aggregate, as caused by {@code username} in trace {@code traceId}. */
    void append(
            String aggregateType, String aggregateId, long sequence, Object payload, String username, String traceId) {
        store.publish(new GenericDomainEventMessage<>(
                aggregateType,
                aggregateId,
                sequence,
                payload,
                MetaData.with("username", username).and("traceId", traceId).and("correlationId", traceId)));
    }

    /** Every stored event as a tracking processor receives it. */
    List<TrackedEventMessage<?>> readAll() {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            while (stream.hasNextAvailable()) {
                events.add(stream.nextAvailable());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return events;
    }

    /**
     * The app module's migrations, found from the working directory upwards: Maven runs the tests in the module's
     * directory, an IDE often in the project's.
     */
    private static Path appMigrations() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path migrations = dir.resolve(APP_MIGRATIONS);
            if (Files.isDirectory(migrations)) {
                return migrations;
            }
        }
        throw new IllegalStateException(
                "No " + APP_MIGRATIONS + " above " + Path.of("").toAbsolutePath());
    }

    @Override
    public void close() {
        store.shutDown();
    }
}
