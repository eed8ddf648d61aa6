package io.sourced.app.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DetachedCommandGatewayTest {

    record Ping(String text) {}

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
    private final DetachedCommandGateway gateway = new DetachedCommandGateway(
            DefaultCommandGateway.builder().commandBus(commandBus).build(), executor);
    private final AtomicReference<Thread> handledOn = new AtomicReference<>();
    private final AtomicReference<CommandMessage<?>> handled = new AtomicReference<>();
    private final AtomicReference<Boolean> nested = new AtomicReference<>();

    DetachedCommandGatewayTest() {
        commandBus.subscribe(Ping.class.getName(), command -> {
            handledOn.set(Thread.currentThread());
            handled.set(command);
            nested.set(CurrentUnitOfWork.get().parent().isPresent());
            if (((Ping) command.getPayload()).text().equals("fail")) {
                throw new IllegalStateException("the store is away");
            }
            return "pong";
        });
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void sendAndWait_outsideAUnitOfWork_runsOnTheCallersThread() {
        assertThat(gateway.<String>sendAndWait(new Ping("hi"))).isEqualTo("pong");
        assertThat(handledOn.get()).isSameAs(Thread.currentThread());
    }

    @Test
    void sendAndWait_fromAnEventHandler_runsInAUnitOfWorkOfItsOwn_withTheCallersCorrelation() {
        UnitOfWork<?> handling = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("order placed"));
        handling.registerCorrelationDataProvider(new MessageOriginProvider());
        try {
            assertThat(gateway.<String>sendAndWait(new Ping("hi"))).isEqualTo("pong");
        } finally {
            handling.commit();
        }
        assertThat(handledOn.get()).isNotSameAs(Thread.currentThread());
        assertThat(nested.get()).as("nested in the caller's unit of work").isFalse();
        assertThat(handled.get().getMetaData().get("traceId"))
                .isEqualTo(handling.getMessage().getIdentifier());
    }

    @Test
    void sendAndWait_fromAnEventHandler_failing_failsTheCaller() {
        UnitOfWork<?> handling = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("order placed"));
        try {
            assertThatThrownBy(() -> gateway.sendAndWait(new Ping("fail"))).hasMessageContaining("the store is away");
        } finally {
            handling.rollback();
        }
    }
}
