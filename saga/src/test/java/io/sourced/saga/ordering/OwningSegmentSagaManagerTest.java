package io.sourced.saga.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.finance.AuthorizePaymentCommand;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.PaymentAuthorizedEvent;
import io.sourced.api.inventory.ConfirmReservationCommand;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ReserveStockCommand;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.AcceptOrderCommand;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.PricedLine;
import io.sourced.api.ordering.RejectOrderCommand;
import io.sourced.api.ordering.RejectionReason;
import io.sourced.api.rules.BusinessRules;
import io.sourced.saga.processing.JacksonSagaStore;
import io.sourced.saga.processing.OwningSegmentSagaManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.saga.AbstractSagaManager;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.SimpleResourceInjector;
import org.axonframework.modelling.saga.repository.AnnotatedSagaRepository;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.axonframework.test.utils.RecordingCommandBus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The saga manager on a processor of two segments, each event offered to both as a tracking processor offers it: only
 * the segment that owns the order looks the order's sagas up, starts one and handles them.
 */
class OwningSegmentSagaManagerTest {

    private static final Segment[] TWO_SEGMENTS = Segment.ROOT_SEGMENT.split();

    private final JacksonSagaStore store = new JacksonSagaStore(JacksonSerializer.defaultSerializer());
    private final RecordingCommandBus commandBus = new RecordingCommandBus();
    private final StubDeadlineManager deadlineManager = new StubDeadlineManager();
    private final AbstractSagaManager<OrderFulfilmentSaga> manager =
            new OwningSegmentSagaManager<>(sagaManagerBuilder());
    private final Map<Segment, Integer> lookupsBySegment = new HashMap<>();

    private final CustomerId customerId = CustomerId.random();
    private final ProductId book = ProductId.random();

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void anOrdersEvents_areLookedUpAndHandledOnlyInTheSegmentOwningTheOrder(int owning) throws Exception {
        Segment owner = TWO_SEGMENTS[owning];
        OrderId orderId = orderOwnedBy(owner);

        offerToBothSegments(placed(orderId));
        assertThat(store.size()).as("sagas started").isEqualTo(1);
        assertThat(owner.matches(store.onlySagaId()))
                .as("the new saga's id falls in the owning segment, as a replica going by the id expects")
                .isTrue();
        assertThat(dispatched()).containsExactly(new ReserveStockCommand(book, orderId, 2));

        offerToBothSegments(new StockReservedEvent(book, orderId, 2, new BigDecimal("10.00")));
        assertThat(dispatched())
                .containsExactly(new AuthorizePaymentCommand(customerId, orderId, new BigDecimal("20.00")));
        offerToBothSegments(
                new PaymentAuthorizedEvent(customerId, orderId, new BigDecimal("20.00"), new BigDecimal("80.00")));
        assertThat(dispatched())
                .containsExactly(new AcceptOrderCommand(
                        orderId,
                        new BigDecimal("20.00"),
                        List.of(),
                        List.of(new PricedLine(book, 2, new BigDecimal("10.00")))));
        offerToBothSegments(new OrderAcceptedEvent(orderId, customerId, new BigDecimal("20.00")));
        assertThat(dispatched()).containsExactly(new ConfirmReservationCommand(book, orderId));

        assertThat(store.size()).as("ended").isZero();
        assertThat(lookupsBySegment).containsOnlyKeys(owner).containsEntry(owner, 4);
    }

    @Test
    void aSagaWhoseIdFallsInTheOtherSegment_isFoundAndHandledOnce_inTheOrdersSegment() throws Exception {
        OrderId orderId = placedBeforeASplit();
        Segment owner = owning(orderId);
        assertThat(owner.matches(store.onlySagaId()))
                .as("the saga's id falls in the other segment")
                .isFalse();

        offerToBothSegments(new StockReservedEvent(book, orderId, 2, new BigDecimal("10.00")));

        assertThat(dispatched())
                .as("handled once")
                .containsExactly(new AuthorizePaymentCommand(customerId, orderId, new BigDecimal("20.00")));
        assertThat(store.size()).as("no second saga started").isEqualTo(1);
        assertThat(lookupsBySegment).containsOnlyKeys(owner).containsEntry(owner, 1);
    }

    @Test
    void theTimeout_reachesItsSagaByItsScope_whateverSegmentItsIdFallsIn() throws Exception {
        OrderId orderId = placedBeforeASplit();
        commandBus.clearCommands();

        deadlineManager.advanceTimeBy(
                Duration.ofMinutes(1),
                (scope, deadline) -> inUnitOfWork(deadline, () -> {
                    manager.send(deadline, scope);
                    return null;
                }));

        assertThat(dispatched()).containsExactly(new RejectOrderCommand(orderId, RejectionReason.TIMEOUT));
    }

    /** Offers the event to both segments; a segment handles it only when the manager says it can. */
    private void offerToBothSegments(Object payload) throws Exception {
        commandBus.clearCommands();
        EventMessage<?> event = GenericEventMessage.asEventMessage(payload);
        for (Segment segment : TWO_SEGMENTS) {
            if (manager.canHandle(event, segment)) {
                int before = store.lookups();
                inUnitOfWork(event, () -> {
                    manager.handle(event, segment);
                    return null;
                });
                lookupsBySegment.merge(segment, store.lookups() - before, Integer::sum);
            }
        }
    }

    /**
     * An order whose saga Axon's own manager started while the processor had one segment: its id is random, and it is
     * chosen to fall in the segment that does not own the order once the processor has two.
     */
    private OrderId placedBeforeASplit() throws Exception {
        AnnotatedSagaManager<OrderFulfilmentSaga> axonsOwn =
                sagaManagerBuilder().build();
        while (true) {
            OrderId orderId = OrderId.random();
            EventMessage<?> event = GenericEventMessage.asEventMessage(placed(orderId));
            inUnitOfWork(event, () -> {
                axonsOwn.handle(event, Segment.ROOT_SEGMENT);
                return null;
            });
            if (!owning(orderId).matches(store.onlySagaId())) {
                return orderId;
            }
            store.deleteSaga(OrderFulfilmentSaga.class, store.onlySagaId(), null);
            deadlineManager.cancelAll(OrderFulfilmentSaga.ORDER_TIMEOUT);
        }
    }

    private static Segment owning(OrderId orderId) {
        AssociationValue association = new AssociationValue("orderId", orderId.value());
        return List.of(TWO_SEGMENTS).stream()
                .filter(segment -> segment.matches(association))
                .findFirst()
                .orElseThrow();
    }

    private static OrderId orderOwnedBy(Segment segment) {
        OrderId orderId;
        do {
            orderId = OrderId.random();
        } while (!owning(orderId).equals(segment));
        return orderId;
    }

    private OrderPlacedEvent placed(OrderId orderId) {
        return new OrderPlacedEvent(orderId, customerId, List.of(new OrderLine(book, 2)));
    }

    private AnnotatedSagaManager.Builder<OrderFulfilmentSaga> sagaManagerBuilder() {
        SimpleResourceInjector resources = new SimpleResourceInjector(
                DefaultCommandGateway.builder().commandBus(commandBus).build(),
                deadlineManager,
                new OrderWorkflowSettings(Duration.ofSeconds(30)),
                BusinessRules.NONE);
        return AnnotatedSagaManager.<OrderFulfilmentSaga>builder()
                .sagaType(OrderFulfilmentSaga.class)
                .sagaRepository(AnnotatedSagaRepository.<OrderFulfilmentSaga>builder()
                        .sagaType(OrderFulfilmentSaga.class)
                        .sagaStore(store)
                        .resourceInjector(resources)
                        .build())
                .listenerInvocationErrorHandler((exception, event, handler) -> {
                    throw exception;
                });
    }

    private static void inUnitOfWork(Message<?> message, Callable<Object> work) {
        ResultMessage<?> result = DefaultUnitOfWork.startAndGet(message).executeWithResult(work);
        if (result.isExceptional()) {
            throw new AssertionError("the saga failed on " + message.getPayload(), result.exceptionResult());
        }
    }

    private List<Object> dispatched() {
        return commandBus.getDispatchedCommands().stream()
                .map(CommandMessage::getPayload)
                .map(Object.class::cast)
                .toList();
    }
}
