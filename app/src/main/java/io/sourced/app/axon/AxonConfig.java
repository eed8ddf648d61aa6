package io.sourced.app.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sourced.app.tracing.Tracing;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
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
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/** How Axon stores and routes messages here: JSON everywhere, who caused what, retry on write conflicts. */
@Configuration(proxyBeanMethods = false)
class AxonConfig {

    static final String USERNAME = "username";
    /** 25, 50, 100 … 3,200 ms: about 6 s of retries in all. */
    private static final long RETRY_BACKOFF_MILLIS = 25;

    private static final int MAX_RETRIES = 8;
    private static final int DETACHED_COMMAND_THREADS = 12;

    /**
     * Events are stored as readable JSON and read tolerantly: a field added to an event later must not
     * break reading the old ones. This mapper is Axon's own, apart from the strict one of the REST layer.
     */
    private static Serializer jsonSerializer() {
        ObjectMapper mapper = new ObjectMapper()
                .findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return JacksonSerializer.builder()
                .objectMapper(mapper)
                .lenientDeserialization()
                .build();
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
    static BeanPostProcessor duplicateKeysRecognisedBySqlState() {
        return new DuplicateKeys();
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
     * is retried on a fresh copy of the aggregate. A database that cannot be reached for a moment (a restart) is
     * waited for, with a back-off of a few seconds in all. Business refusals are never retried.
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
    CommandGateway commandGateway(
            CommandBus commandBus,
            ScheduledExecutorService commandRetryExecutor,
            ExecutorService detachedCommandExecutor,
            ObjectProvider<PersistenceExceptionResolver> persistenceExceptionResolvers,
            Environment environment) {
        PersistenceExceptionResolver persistenceExceptionResolver = persistenceExceptionResolvers.getIfAvailable();
        RetryScheduler retries = ExponentialBackOffIntervalRetryScheduler.builder()
                .retryExecutor(commandRetryExecutor)
                .backoffFactor(RETRY_BACKOFF_MILLIS)
                .maxRetryCount(MAX_RETRIES)
                .nonTransientFailurePredicate(failure ->
                        !isWriteConflict(failure, persistenceExceptionResolver) && !StoreFailures.unavailable(failure))
                .build();
        CommandGateway gateway = DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(retries)
                .dispatchInterceptors(new CallerMetaDataInterceptor())
                .build();
        return new DetachedCommandGateway(gateway, Tracing.carryingTheTrace(detachedCommandExecutor, environment));
    }

    /**
     * Where commands sent from event handlers and deadlines run. Bounded: a saga batch sends its commands all at once,
     * and more threads than the database has connections to give would only wait for one. No command handler sends
     * a command of its own through here, so a command never waits for a thread of this pool.
     */
    @Bean(destroyMethod = "shutdown")
    ExecutorService detachedCommandExecutor() {
        AtomicInteger threads = new AtomicInteger();
        return Executors.newFixedThreadPool(DETACHED_COMMAND_THREADS, r -> {
            Thread thread = new Thread(r, "detached-command-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private static boolean isWriteConflict(Throwable failure, PersistenceExceptionResolver resolver) {
        return Causes.any(
                        failure,
                        t -> t instanceof ConcurrencyException
                                || t instanceof AggregateStreamCreationException
                                || (resolver != null
                                        && t instanceof Exception e
                                        && resolver.isDuplicateKeyViolation(e)))
                || DuplicateKeys.violated(failure);
    }
}
