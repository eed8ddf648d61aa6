package io.sourced.api.consumers;

import java.util.List;
import org.axonframework.commandhandling.RoutingKey;

/** Register a consumer of the event feed, granted the given event types; answered with its first token. */
public record RegisterConsumerCommand(
        @RoutingKey ConsumerId consumerId, String name, List<String> eventTypes, boolean personalData) {

    public RegisterConsumerCommand {
        eventTypes = eventTypes == null ? null : List.copyOf(eventTypes);
    }
}
