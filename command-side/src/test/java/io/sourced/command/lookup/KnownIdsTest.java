package io.sourced.command.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourced.api.finance.AccountOpenedEvent;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class KnownIdsTest {

    private final DataSource dataSource = h2();
    private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    private final KnownIdsRecorder recorder = new KnownIdsRecorder(jdbc);
    private final KnownIds knownIds = new JdbcKnownIds(new NamedParameterJdbcTemplate(dataSource));
    private Configuration axon;

    private static DataSource h2() {
        return new DriverManagerDataSource(
                "jdbc:h2:mem:lookups-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "sa",
                "");
    }

    private void migrate() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    @AfterEach
    void tearDown() {
        if (axon != null) {
            axon.shutdown();
        }
        jdbc.execute("SHUTDOWN");
    }

    @Test
    void accountOpened_recorded_customerExists() {
        migrate();
        CustomerId alice = CustomerId.random();

        recorder.on(new AccountOpenedEvent(alice, "Alice"));

        assertThat(knownIds.customerExists(alice)).isTrue();
        assertThat(knownIds.customerExists(CustomerId.random())).isFalse();
    }

    @Test
    void unknownProducts_someRegistered_namesOnlyTheOthersInOrder() {
        migrate();
        ProductId pen = ProductId.random();
        ProductId ink = ProductId.random();
        ProductId ghost = ProductId.random();
        ProductId phantom = ProductId.random();
        recorder.on(new ProductRegisteredEvent(pen, "Pen", BigDecimal.ONE, 1));
        recorder.on(new ProductRegisteredEvent(ink, "Ink", BigDecimal.ONE, 1));

        assertThat(knownIds.unknownProducts(List.of(phantom, pen, ghost, ink))).containsExactly(phantom, ghost);
        assertThat(knownIds.unknownProducts(List.of(pen, ink))).isEmpty();
        assertThat(knownIds.unknownProducts(List.of())).isEmpty();
    }

    @Test
    void productRegistered_deliveredTwice_isRecordedOnce() {
        migrate();
        ProductId pen = ProductId.random();
        CustomerId alice = CustomerId.random();

        recorder.on(new ProductRegisteredEvent(pen, "Pen", BigDecimal.ONE, 1));
        recorder.on(new ProductRegisteredEvent(pen, "Pen", BigDecimal.ONE, 1));
        recorder.on(new AccountOpenedEvent(alice, "Alice"));
        recorder.on(new AccountOpenedEvent(alice, "Alice"));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM known_product", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM known_customer", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void productRegistered_published_isRecordedBySubscribingProcessor() {
        migrate();
        axon = startAxon();
        ProductId pen = ProductId.random();

        axon.eventBus()
                .publish(GenericEventMessage.asEventMessage(new ProductRegisteredEvent(pen, "Pen", BigDecimal.ONE, 1)));

        assertThat(axon.eventProcessingConfiguration()
                        .eventProcessor(KnownIdsRecorder.GROUP, SubscribingEventProcessor.class))
                .isPresent();
        assertThat(knownIds.unknownProducts(List.of(pen))).isEmpty();
    }

    @Test
    void productRegistered_recordingFails_failsThePublisher() {
        axon = startAxon(); // no migration: the insert fails

        assertThatThrownBy(() -> axon.eventBus()
                        .publish(GenericEventMessage.asEventMessage(
                                new ProductRegisteredEvent(ProductId.random(), "Pen", BigDecimal.ONE, 1))))
                .hasMessageContaining("known_product");
    }

    private Configuration startAxon() {
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(config -> JacksonSerializer.defaultSerializer())
                .configureEmbeddedEventStore(config -> new InMemoryEventStorageEngine());
        new CommandLookupConfiguration().commandLookupsProcessing().configureModule(configurer);
        configurer.eventProcessing().registerEventHandler(config -> recorder);
        return configurer.start();
    }
}
