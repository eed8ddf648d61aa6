package io.sourced.timelines.engine;

import io.sourced.api.rules.BusinessRules;
import io.sourced.command.Aggregates;
import io.sourced.command.finance.CustomerSignIns;
import io.sourced.command.lookup.KnownIds;
import io.sourced.command.ordering.ReturnWindow;
import io.sourced.saga.ordering.OrderFulfilmentSaga;
import io.sourced.saga.ordering.OrderWorkflowSettings;
import io.sourced.saga.returns.ReturnSaga;
import io.sourced.saga.returns.ReturnWorkflowSettings;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.SagaConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.saga.repository.inmemory.InMemorySagaStore;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The real aggregates and the real workflow in an Axon configuration of their own: in-memory event and saga stores
 * seeded from the live log, a simple command bus, events handled in the thread that published them, deadlines on a
 * virtual clock, and stand-ins for what the aggregates ask of the application, answered from the sandbox's own
 * world. Nothing here reaches the live store, views, lake or outside systems.
 */
final class Sandbox implements AutoCloseable {

    /** Of each type, the aggregates kept in memory between commands; others are read again from the seed. */
    private static final int AGGREGATES_KEPT = 100_000;

    private final Configuration axon;
    private final VirtualDeadlineManager deadlines;
    private final SeededStorageEngine seeded;

    /**
     * @param sagaCommands where the saga's commands go instead of the bus: the replay runs them in the log's order
     * @param published    each event the sandbox publishes, at the virtual time it was published
     */
    Sandbox(
            EventStore live,
            Instant from,
            BusinessRules rules,
            Workflows workflows,
            VirtualClock clock,
            Consumer<Object> sagaCommands,
            BiConsumer<Instant, Object> published) {
        seeded = new SeededStorageEngine(live, from);
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> JacksonSerializer.defaultSerializer())
                .configureEmbeddedEventStore(c -> seeded)
                .configureCommandBus(c -> SimpleCommandBus.builder().build())
                .registerComponent(KnownIds.class, c -> new SandboxKnownIds(c.eventStore()))
                .registerComponent(CustomerSignIns.class, c -> SandboxKnownIds.SIGN_INS_EXIST_ALREADY)
                .registerComponent(BusinessRules.class, c -> rules)
                .registerComponent(OrderWorkflowSettings.class, c -> workflows.orders())
                .registerComponent(ReturnWorkflowSettings.class, c -> workflows.returns())
                .registerComponent(ReturnWindow.class, c -> new ReturnWindow(workflows.returnWindow(), clock::now))
                .registerComponent(CommandGateway.class, c -> new SagaCommands(sagaCommands))
                .registerComponent(
                        DeadlineManager.class,
                        c -> new VirtualDeadlineManager(clock, new ConfigurationScopeAwareProvider(c)));
        Aggregates.types().forEach(type -> configurer.configureAggregate(cached(type)));
        configurer.eventProcessing(processing -> {
            processing.usingSubscribingEventProcessors();
            registerSagas(processing);
        });
        axon = configurer.buildConfiguration();
        axon.eventStore()
                .subscribe(events -> events.forEach(event -> published.accept(clock.now(), event.getPayload())));
        axon.start();
        deadlines = (VirtualDeadlineManager) axon.deadlineManager();
    }

    /** See {@link SeededStorageEngine#bornInPeriod}. */
    void bornInPeriod(String aggregateIdentifier) {
        seeded.bornInPeriod(aggregateIdentifier);
    }

    /** Every saga of the live system, each in memory. */
    private static void registerSagas(EventProcessingConfigurer processing) {
        processing.registerSaga(OrderFulfilmentSaga.class, inMemory());
        processing.registerSaga(ReturnSaga.class, inMemory());
    }

    private static <T> Consumer<SagaConfigurer<T>> inMemory() {
        return saga -> saga.configureSagaStore(c -> new InMemorySagaStore());
    }

    private static <A> AggregateConfigurer<A> cached(Class<A> type) {
        return AggregateConfigurer.defaultConfiguration(type)
                .configureCache(c -> Aggregates.cache(AGGREGATES_KEPT, c::eventStore));
    }

    /** Runs the command at once, in this thread; a refusal is answered, not thrown. */
    CommandResultMessage<?> dispatch(Object command) {
        CommandBus bus = axon.commandBus();
        FutureCallback<Object, Object> result = new FutureCallback<>();
        bus.dispatch(GenericCommandMessage.asCommandMessage(command), result);
        return result.getResult();
    }

    VirtualDeadlineManager deadlines() {
        return deadlines;
    }

    @Override
    public void close() {
        axon.shutdown();
    }
}
