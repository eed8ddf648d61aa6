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
 * The command gateway the sandbox's sagas are given: what they send is handed to the replay, which runs it where its
 * real counterpart was answered in the log (or at once when there is none), so a saga never waits for it. A command
 * sent as a message (with metadata of its own) is handed over as its payload: the sandbox records no one's name.
 */
final class SagaCommands implements CommandGateway {

    private final Consumer<Object> replay;

    SagaCommands(Consumer<Object> replay) {
        this.replay = replay;
    }

    private void hand(Object command) {
        replay.accept(command instanceof CommandMessage<?> message ? message.getPayload() : command);
    }

    @Override
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        hand(command);
        callback.onResult(asCommandMessage(command), asCommandResultMessage((R) null));
    }

    @Override
    public <R> R sendAndWait(Object command) {
        hand(command);
        return null;
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        return sendAndWait(command);
    }

    @Override
    public <R> CompletableFuture<R> send(Object command) {
        hand(command);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        return () -> true;
    }
}
