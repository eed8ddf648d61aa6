package io.sourced.app.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** How Axon stores and routes messages here: JSON everywhere, who caused what, retry on write conflicts. */
@Configuration(proxyBeanMethods = false)
class AxonConfig {

    static final String USERNAME = "username";

    /**
     * Events are stored as readable JSON and read tolerantly: a field added to an event later must not
     * break reading the old ones. This mapper is Axon's own, apart from the strict one of the REST layer.
     */
    private static Serializer jsonSerializer() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return JacksonSerializer.builder().objectMapper(mapper).lenientDeserialization().build();
    }

    @Bean
    @Primary
    Serializer serializer() {
        return jsonSerializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return jsonSerializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return jsonSerializer();
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider usernameProvider() {
        return new SimpleCorrelationDataProvider(USERNAME);
    }

    /**
     * Two commands on one aggregate from two replicas collide on the event's sequence number; the loser
     * is retried on a fresh copy of the aggregate. Business refusals are never retried.
     */
    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Under Axon Server there is no {@link PersistenceExceptionResolver} (no JDBC event store): its write conflicts
     * come back as {@link ConcurrencyException}s.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor,
                                  ObjectProvider<PersistenceExceptionResolver> persistenceExceptionResolvers) {
        PersistenceExceptionResolver persistenceExceptionResolver = persistenceExceptionResolvers.getIfAvailable();
        RetryScheduler retries = IntervalRetryScheduler.builder()
                .retryExecutor(commandRetryExecutor)
                .retryInterval(50)
                .maxRetryCount(5)
                .nonTransientFailurePredicate(failure -> !isWriteConflict(failure, persistenceExceptionResolver))
                .build();
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(retries)
                .dispatchInterceptors(new CallerMetaDataInterceptor())
                .build();
    }

    private static boolean isWriteConflict(Throwable failure, PersistenceExceptionResolver resolver) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException
                    || (resolver != null && t instanceof Exception e && resolver.isDuplicateKeyViolation(e))) {
                return true;
            }
        }
        return false;
    }
}
