package io.sourced.timelines.engine;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;
import static org.axonframework.commandhandling.GenericCommandResultMessage.asCommandResultMessage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * The command gateway the sandbox's saga is given: what it sends is handed to the replay, which runs it where its
 * real counterpart was answered in the log (or at once when there is none), so the saga never waits for it.
 */
final class SagaCommands implements CommandGateway {

    private final Consumer<Object> replay;

    SagaCommands(Consumer<Object> replay) {
        this.replay = replay;
    }

    @Override
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        replay.accept(command);
        callback.onResult(asCommandMessage(command), asCommandResultMessage((R) null));
    }

    @Override
    public <R> R sendAndWait(Object command) {
        replay.accept(command);
        return null;
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        return sendAndWait(command);
    }

    @Override
    public <R> CompletableFuture<R> send(Object command) {
        replay.accept(command);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        return () -> true;
    }
}
