package io.sourced.timelines.engine;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.command.finance.CustomerSignIns;
import io.sourced.command.lookup.KnownIds;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The customers and products of the sandbox's world: those with events in its store, the seeded ones (recorded
 * before the timeline's start) and those the timeline made.
 */
final class SandboxKnownIds implements KnownIds {

    /** The sign-ins of the customers a timeline opens accounts for are real already: nothing to create. */
    static final CustomerSignIns SIGN_INS_EXIST_ALREADY = (username, password, customerId) -> true;

    private final EventStore store;

    SandboxKnownIds(EventStore store) {
        this.store = store;
    }

    @Override
    public boolean customerExists(CustomerId customerId) {
        return exists(customerId.toString());
    }

    @Override
    public Set<ProductId> unknownProducts(Collection<ProductId> productIds) {
        return productIds.stream()
                .filter(productId -> !exists(productId.toString()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private boolean exists(String aggregateId) {
        return store.lastSequenceNumberFor(aggregateId).isPresent();
    }
}
