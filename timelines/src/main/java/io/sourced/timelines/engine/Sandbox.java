package io.sourced.timelines.engine;

import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderRejectedEvent;
import io.sourced.api.ordering.OrderScoped;
import io.sourced.api.rules.BusinessRules;
import io.sourced.command.Aggregates;
import io.sourced.command.CommandTargets;
import io.sourced.command.finance.CustomerSignIns;
import io.sourced.command.lookup.KnownIds;
import io.sourced.command.ordering.ReturnWindow;
import io.sourced.saga.ordering.OrderFulfilmentSaga;
import io.sourced.saga.ordering.OrderWorkflowSettings;
import io.sourced.saga.returns.ReturnSaga;
import io.sourced.saga.returns.ReturnWorkflowSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.SagaConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.saga.repository.inmemory.InMemorySagaStore;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The real aggregates and the real workflow in an Axon configuration of their own: in-memory event and saga stores
 * seeded from the live log, a simple command bus, events handled in the thread that published them, deadlines on a
 * virtual clock, and stand-ins for what the aggregates ask of the application, answered from the sandbox's own
 * world. Nothing here reaches the live store, views, lake or outside systems.
 * <p>
 * Its memory follows the work still open, not the period's length: an order is forgotten (its events and its cached
 * aggregate) once it ended (an accepted one the log returns in the period is kept, for its returns), its saga is deleted by Axon once it ended, and of the aggregates that live on (products,
 * accounts) the store keeps a snapshot and the events after it.
 */
final class Sandbox implements AutoCloseable {

    /** Of each type, the aggregates kept in memory between commands; others are read again from the store. */
    static final int AGGREGATES_KEPT = 10_000;

    /** How often an aggregate's snapshot is considered, in its events (see {@link SandboxSnapshots}). */
    static final int SNAPSHOT_EVERY = 100;

    private final Configuration axon;
    private final VirtualDeadlineManager deadlines;
    private final SeededStorageEngine seeded;
    private final List<Cache> caches = new ArrayList<>();
    private final EventStore eventStore;
    private final CommandBus commandBus;
    private final Predicate<String> returnedLater;

    /**
     * @param sagaCommands where the saga's commands go instead of the bus: the replay runs them in the log's order
     * @param published    each event the sandbox publishes, at the virtual time it was published
     * @param returnedLater the orders the log returns in the period: kept once accepted, for their returns
     */
    Sandbox(
            EventStore live,
            Instant from,
            BusinessRules rules,
            Workflows workflows,
            VirtualClock clock,
            Consumer<Object> sagaCommands,
            BiConsumer<Instant, Object> published,
            Predicate<String> returnedLater) {
        this.returnedLater = returnedLater;
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
                        c -> new VirtualDeadlineManager(clock, new ConfigurationScopeAwareProvider(c)))
                .registerComponent(CommandTargetResolver.class, c -> new CommandTargets())
                .registerComponent(Snapshotter.class, c -> new SandboxSnapshots(seeded, caches))
                .configureResourceInjector(c -> new SagaResources(c::getComponent));
        Aggregates.types().forEach(type -> configurer.configureAggregate(cached(type)));
        configurer.eventProcessing(processing -> {
            processing.usingSubscribingEventProcessors();
            registerSagas(processing);
        });
        axon = configurer.buildConfiguration();
        // looked up once: the caches ask the store at each load, and a configuration's look-up is no field read
        eventStore = axon.eventStore();
        commandBus = axon.commandBus();
        eventStore.subscribe(events -> events.forEach(event -> {
            published.accept(clock.now(), event.getPayload());
            endOf(event.getPayload()).ifPresent(this::forget);
        }));
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

    private <A> AggregateConfigurer<A> cached(Class<A> type) {
        return AggregateConfigurer.defaultConfiguration(type)
                .configureCache(c -> {
                    Cache cache = Aggregates.cache(AGGREGATES_KEPT, () -> eventStore);
                    caches.add(cache);
                    return cache;
                })
                .configureSnapshotTrigger(
                        c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), SNAPSHOT_EVERY));
    }

    /**
     * The aggregate an event ends: an order once accepted, rejected or cancelled decides nothing more (a late
     * acceptance or rejection changes nothing, a cancel is refused), but for the returns of an accepted one.
     */
    private Optional<String> endOf(Object event) {
        if (event instanceof OrderAcceptedEvent accepted) {
            String order = accepted.orderId().value();
            return returnedLater.test(order) ? Optional.empty() : Optional.of(order);
        }
        if (event instanceof OrderRejectedEvent || event instanceof OrderCancelledEvent) {
            return Optional.of(((OrderScoped) event).orderId().value());
        }
        return Optional.empty();
    }

    private void forget(String aggregateIdentifier) {
        seeded.forget(aggregateIdentifier);
        caches.forEach(cache -> cache.remove(aggregateIdentifier));
    }

    /** The sandbox's store, for tests. */
    SeededStorageEngine store() {
        return seeded;
    }

    /** Runs the command at once, in this thread; a refusal is answered, not thrown. */
    CommandResultMessage<?> dispatch(Object command) {
        FutureCallback<Object, Object> result = new FutureCallback<>();
        commandBus.dispatch(GenericCommandMessage.asCommandMessage(command), result);
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
