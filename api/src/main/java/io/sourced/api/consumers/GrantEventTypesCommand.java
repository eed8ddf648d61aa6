package io.sourced.api.consumers;

import java.util.List;
import org.axonframework.commandhandling.RoutingKey;

/** Grant a consumer more event types; those it has stay granted. */
public record GrantEventTypesCommand(@RoutingKey ConsumerId consumerId, List<String> eventTypes) {

    public GrantEventTypesCommand {
        eventTypes = eventTypes == null ? null : List.copyOf(eventTypes);
    }
}
