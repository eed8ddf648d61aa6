package io.sourced.app.monitoring;

import io.micrometer.core.instrument.Counter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Counts the events a processor handled, a batch at a time: once a batch committed, by its size; a batch rolled back
 * counts nothing (its events come again). Per event it only asks whether the event opens its batch, where Axon's
 * per-message metrics (off) would time each event and each handler.
 */
final class HandledEvents implements MessageHandlerInterceptor<EventMessage<?>> {

    private final Counter handled;

    HandledEvents(Counter handled) {
        this.handled = handled;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch)) {
            unitOfWork.afterCommit(committed -> handled.increment());
        } else if (batch.isFirstMessage()) {
            batch.afterCommit(committed -> handled.increment(batch.getMessages().size()));
        }
        return interceptorChain.proceed();
    }
}
