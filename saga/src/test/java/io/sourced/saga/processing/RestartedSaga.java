package io.sourced.saga.processing;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.SimpleResourceInjector;
import org.axonframework.modelling.saga.repository.AnnotatedSagaRepository;
import org.axonframework.serialization.Serializer;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.axonframework.test.utils.RecordingCommandBus;

/**
 * A saga as the saga store keeps it: serialized by Jackson between every two events, each handled by a freshly built
 * saga manager, as after a restart. The commands it sends are recorded, its deadlines kept by a stub.
 */
public final class RestartedSaga<T> {

    private final Class<T> sagaType;
    private final List<Object> resources;
    private final JacksonSagaStore store;
    private final RecordingCommandBus commandBus = new RecordingCommandBus();
    private final StubDeadlineManager deadlineManager = new StubDeadlineManager();

    /** @param resources what the saga is given besides a command gateway and a deadline manager */
    public RestartedSaga(Class<T> sagaType, Serializer serializer, Object... resources) {
        this.sagaType = sagaType;
        this.resources = List.of(resources);
        this.store = new JacksonSagaStore(serializer);
    }

    public JacksonSagaStore store() {
        return store;
    }

    public StubDeadlineManager deadlineManager() {
        return deadlineManager;
    }

    /** Handles one event with a new saga manager, as a freshly started node would. */
    public void handle(Object payload) throws Exception {
        commandBus.clearCommands();
        List<Object> injected = new ArrayList<>(resources);
        injected.add(DefaultCommandGateway.builder().commandBus(commandBus).build());
        injected.add(deadlineManager);
        AnnotatedSagaRepository<T> repository = AnnotatedSagaRepository.<T>builder()
                .sagaType(sagaType)
                .sagaStore(store)
                .resourceInjector(new SimpleResourceInjector(injected))
                .build();
        AnnotatedSagaManager<T> manager = AnnotatedSagaManager.<T>builder()
                .sagaType(sagaType)
                .sagaRepository(repository)
                .listenerInvocationErrorHandler((exception, event, handler) -> {
                    throw exception;
                })
                .build();
        EventMessage<?> message = GenericEventMessage.asEventMessage(payload);
        ResultMessage<?> result = DefaultUnitOfWork.startAndGet(message).executeWithResult(() -> {
            manager.handle(message, Segment.ROOT_SEGMENT);
            return null;
        });
        if (result.isExceptional()) {
            throw new AssertionError("the saga failed on " + payload, result.exceptionResult());
        }
    }

    /** The commands the last event's handling sent. */
    public List<Object> dispatched() {
        return commandBus.getDispatchedCommands().stream()
                .map(CommandMessage::getPayload)
                .map(Object.class::cast)
                .toList();
    }
}
