package io.sourced.app.axon;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Sends a command given while a unit of work is active (an event handler's, a deadline's) on a thread of its own, so
 * that it is handled in a unit of work and a transaction of its own, as it would be through Axon Server.
 * <p>
 * On the local command bus such a command would otherwise be handled nested in the caller's unit of work, and the
 * aggregate locks it takes would be held until the caller's whole batch ends: two saga threads reserving the same
 * two products in opposite orders then deadlock, and a command retried after a write conflict waits for a lock its
 * own caller holds. The message is made on the caller's thread, so it still carries the caller's correlation data.
 */
final class DetachedCommandGateway implements CommandGateway {

    private final CommandGateway delegate;
    private final Executor executor;

    DetachedCommandGateway(CommandGateway delegate, Executor executor) {
        this.delegate = delegate;
        this.executor = executor;
    }

    @Override
    @SuppressWarnings("unchecked") // the gateway takes a command or its message alike: the callback sees the message
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        if (!CurrentUnitOfWork.isStarted()) {
            delegate.send(command, callback);
            return;
        }
        C message = (C) message(command);
        executor.execute(() -> delegate.send(message, callback));
    }

    @Override
    public <R> R sendAndWait(Object command) {
        return detached(command, message -> delegate.sendAndWait(message));
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        return detached(command, message -> delegate.sendAndWait(message, timeout, unit));
    }

    @Override
    public <R> CompletableFuture<R> send(Object command) {
        if (!CurrentUnitOfWork.isStarted()) {
            return delegate.send(command);
        }
        Object message = message(command);
        return CompletableFuture.supplyAsync(() -> delegate.<R>send(message), executor)
                .thenCompose(future -> future);
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
        return delegate.registerDispatchInterceptor(interceptor);
    }

    private <R> R detached(Object command, java.util.function.Function<Object, R> dispatch) {
        if (!CurrentUnitOfWork.isStarted()) {
            return dispatch.apply(command);
        }
        Object message = message(command);
        Supplier<R> onItsOwn = () -> dispatch.apply(message);
        try {
            return CompletableFuture.supplyAsync(onItsOwn, executor).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Made here, a new message takes the correlation data of the unit of work on this thread. */
    private static Object message(Object command) {
        return command instanceof Message<?> ? command : GenericCommandMessage.asCommandMessage(command);
    }
}
