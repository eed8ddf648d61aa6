package io.sourced.app.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

class HandledEventsTest {

    private final Counter handled = new SimpleMeterRegistry().counter("sourced.processor.handled");
    private final HandledEvents interceptor = new HandledEvents(handled);
    private final AtomicInteger handlerCalls = new AtomicInteger();

    private static BatchingUnitOfWork<EventMessage<?>> batchOf(int events) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            messages.add(GenericEventMessage.asEventMessage("event " + i));
        }
        return new BatchingUnitOfWork<>(messages);
    }

    @Test
    void batchCommitted_countsItsEvents_once() {
        BatchingUnitOfWork<EventMessage<?>> batch = batchOf(3);

        batch.executeWithResult(() -> interceptor.handle(batch, handlerCalls::incrementAndGet));

        assertThat(handlerCalls).as("every event handled").hasValue(3);
        assertThat(handled.count()).isEqualTo(3);
        BatchingUnitOfWork<EventMessage<?>> next = batchOf(2);
        next.executeWithResult(() -> interceptor.handle(next, handlerCalls::incrementAndGet));
        assertThat(handled.count()).isEqualTo(5);
    }

    @Test
    void batchRolledBack_countsNothing() {
        BatchingUnitOfWork<EventMessage<?>> batch = batchOf(3);

        batch.executeWithResult(() -> interceptor.handle(batch, () -> {
            if (handlerCalls.incrementAndGet() == 2) {
                throw new IllegalStateException("the second event fails");
            }
            return null;
        }));

        assertThat(handled.count()).isZero();
    }

    @Test
    void eventInAUnitOfItsOwn_countsOne() {
        DefaultUnitOfWork<EventMessage<?>> single =
                DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("alone"));

        single.executeWithResult(() -> interceptor.handle(single, handlerCalls::incrementAndGet));

        assertThat(handled.count()).isEqualTo(1);
    }
}
