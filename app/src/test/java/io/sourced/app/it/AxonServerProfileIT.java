package io.sourced.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.saga.store.KeyedSagaStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code axonserver} profile on a fresh PostgreSQL database, with no Axon Server to talk to: the application
 * starts, with Axon Server's connector, buses and event store in place, and everything else in PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AxonServerProfileIT {

    private Database database;
    private Instance instance;
    private int nobodyListens;

    @BeforeAll
    void start() throws IOException {
        database = Database.postgres();
        try (ServerSocket socket = new ServerSocket(0)) {
            nobodyListens = socket.getLocalPort();
        }
        // the profile group brings postgres along: naming axonserver alone is enough
        instance = Instance.start(
                database,
                List.of(
                        "--spring.profiles.active=axonserver",
                        "--axon.axonserver.servers=localhost:" + nobodyListens,
                        "--sourced.demo.enabled=false",
                        "--sourced.security.admin-password=admin"));
    }

    @AfterAll
    void stop() {
        if (instance != null) {
            instance.close();
        }
        if (database != null) {
            database.drop();
        }
    }

    private <T> T bean(Class<T> type) {
        return instance.bean(type);
    }

    @Test
    void context_withoutAServer_startsWithTheConnectorConfigured() {
        ConfigurableApplicationContext context = instance.context();
        assertThat(context.getEnvironment().getActiveProfiles()).contains("axonserver", "postgres");
        AxonServerConfiguration connector = bean(AxonServerConfiguration.class);
        assertThat(connector.isEnabled()).isTrue();
        assertThat(connector.getServers()).isEqualTo("localhost:" + nobodyListens);
        assertThat(connector.getContext()).isEqualTo("default");
        assertThat(connector.getToken()).isNullOrEmpty();
        assertThat(bean(AxonServerConnectionManager.class).isConnected("default"))
                .isFalse();
    }

    @Test
    void context_withoutAServer_routesCommandsQueriesAndEventsThroughAxonServer() {
        assertThat(bean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
        assertThat(bean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
        assertThat(bean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
        assertThat(bean(CommandGateway.class)).isNotNull();
        // nothing reads or writes the JDBC event store: the event log is read through Axon Server's stream
        assertThat(instance.context().getBeanNamesForType(EventStorageEngine.class))
                .isEmpty();
        assertThat(instance.context().getBeanNamesForType(PersistenceExceptionResolver.class))
                .isEmpty();
    }

    @Test
    void context_withoutAServer_keepsTokensSagasAndDeadlinesInPostgres() {
        assertThat(bean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
        assertThat(bean(SagaStore.class)).isInstanceOf(KeyedSagaStore.class);
        assertThat(bean(DeadlineManager.class)).isInstanceOf(DbSchedulerDeadlineManager.class);
        assertThat(instance.jdbc().queryForObject("SELECT current_database()", String.class))
                .isEqualTo(database.postgresName());
    }

    @Test
    void signIns_andThePages_answerWithoutAServer() {
        assertThat(instance.admin.get("/api/me").status()).isEqualTo(200);
        assertThat(instance.admin.as(null, null).get("/login").status()).isEqualTo(200);
    }
}
