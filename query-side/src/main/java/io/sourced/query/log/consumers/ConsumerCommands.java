package io.sourced.query.log.consumers;

import io.sourced.api.consumers.DisableConsumerCommand;
import io.sourced.api.consumers.EnableConsumerCommand;
import io.sourced.api.consumers.GrantEventTypesCommand;
import io.sourced.api.consumers.IssuedToken;
import io.sourced.api.consumers.RegisterConsumerCommand;
import io.sourced.api.consumers.RotateConsumerTokenCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;

/** Consumers registered and changed over the command bus, by the API and the page alike. */
@Component
class ConsumerCommands {

    private final ConsumerRegistry registry;

    ConsumerCommands(ConsumerRegistry registry) {
        this.registry = registry;
    }

    @CommandHandler
    IssuedToken handle(RegisterConsumerCommand command) {
        return registry.register(command);
    }

    @CommandHandler
    void handle(GrantEventTypesCommand command) {
        registry.grant(command);
    }

    @CommandHandler
    IssuedToken handle(RotateConsumerTokenCommand command) {
        return registry.rotate(command.consumerId());
    }

    @CommandHandler
    void handle(DisableConsumerCommand command) {
        registry.enable(command.consumerId(), false);
    }

    @CommandHandler
    void handle(EnableConsumerCommand command) {
        registry.enable(command.consumerId(), true);
    }
}
