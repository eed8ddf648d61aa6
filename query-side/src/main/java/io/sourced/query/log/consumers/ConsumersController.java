package io.sourced.query.log.consumers;

import io.sourced.api.consumers.ConsumerId;
import io.sourced.api.consumers.ConsumerView;
import io.sourced.api.consumers.DisableConsumerCommand;
import io.sourced.api.consumers.EnableConsumerCommand;
import io.sourced.api.consumers.GrantEventTypesCommand;
import io.sourced.api.consumers.IssuedToken;
import io.sourced.api.consumers.RegisterConsumerCommand;
import io.sourced.api.consumers.RotateConsumerTokenCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Consumers of the event feed, for administrators (the application's security keeps {@code /api/consumers} to ADMIN). */
@RestController
@RequestMapping("/api/consumers")
@Tag(name = "Consumers")
class ConsumersController {

    private final CommandGateway commands;
    private final ConsumerRegistry registry;

    ConsumersController(CommandGateway commands, ConsumerRegistry registry) {
        this.commands = commands;
        this.registry = registry;
    }

    @Operation(
            summary = "Register a consumer (ADMIN): its bearer token is in the answer, and only there",
            description = "400 when an event type is not in the event catalog; 409 when the name is taken")
    @PostMapping
    ResponseEntity<IssuedToken> register(@Valid @RequestBody ConsumerRegistration registration) {
        ConsumerId consumerId = ConsumerId.random();
        IssuedToken token = commands.sendAndWait(new RegisterConsumerCommand(
                consumerId,
                registration.name(),
                registration.eventTypes(),
                Boolean.TRUE.equals(registration.personalData())));
        return ResponseEntity.created(URI.create("/api/consumers/" + consumerId))
                .body(token);
    }

    @Operation(summary = "Every consumer, by name, with its position, lag, last read and rate (ADMIN)")
    @GetMapping
    List<ConsumerView> consumers() {
        return registry.all();
    }

    @Operation(summary = "One consumer (ADMIN)")
    @GetMapping("/{consumerId}")
    ConsumerView consumer(@PathVariable String consumerId) {
        return registry.find(idOrNotFound(consumerId)).orElseThrow(() -> notFound(consumerId));
    }

    @Operation(
            summary = "Grant a consumer more event types (ADMIN); those it has stay",
            description = "400 when an event type is not in the event catalog")
    @PostMapping("/{consumerId}/event-types")
    ConsumerView grant(@PathVariable String consumerId, @Valid @RequestBody EventTypesGrant grant) {
        ConsumerId id = idOrNotFound(consumerId);
        commands.sendAndWait(new GrantEventTypesCommand(id, grant.eventTypes()));
        return consumer(consumerId);
    }

    @Operation(summary = "Give a consumer a new token (ADMIN); the old one is refused from now on")
    @PostMapping("/{consumerId}/token")
    IssuedToken rotate(@PathVariable String consumerId) {
        return commands.sendAndWait(new RotateConsumerTokenCommand(idOrNotFound(consumerId)));
    }

    @Operation(summary = "Refuse a consumer's token (ADMIN), its open streams included; grants and position stay")
    @PostMapping("/{consumerId}/disable")
    ConsumerView disable(@PathVariable String consumerId) {
        commands.sendAndWait(new DisableConsumerCommand(idOrNotFound(consumerId)));
        return consumer(consumerId);
    }

    @Operation(summary = "Accept a disabled consumer's token again (ADMIN)")
    @PostMapping("/{consumerId}/enable")
    ConsumerView enable(@PathVariable String consumerId) {
        commands.sendAndWait(new EnableConsumerCommand(idOrNotFound(consumerId)));
        return consumer(consumerId);
    }

    private static ConsumerId idOrNotFound(String consumerId) {
        try {
            return ConsumerId.of(consumerId);
        } catch (IllegalArgumentException e) {
            throw notFound(consumerId);
        }
    }

    private static ResponseStatusException notFound(String consumerId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No consumer " + consumerId);
    }
}
