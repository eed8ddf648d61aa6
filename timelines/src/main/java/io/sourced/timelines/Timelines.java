package io.sourced.timelines;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.timelines.TimelineSummary;
import io.sourced.api.timelines.TimelineView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** What the API and the buses ask of the timelines: run one, list them, read one, delete one. */
@Component
class Timelines {

    private final TimelineStore store;
    private final TimelineRunner runner;
    private final EventStore eventStore;
    private final String replica;

    Timelines(
            TimelineStore store,
            TimelineRunner runner,
            EventStore eventStore,
            @Value("${sourced.replica.name}") String replica) {
        this.store = store;
        this.runner = runner;
        this.eventStore = eventStore;
        this.replica = replica;
    }

    /** Checks the request (refused with the field at fault, nothing stored), records it and starts it. */
    void run(String id, TimelineRequest request) {
        AskedTimeline asked = AskedTimeline.of(request, Instant.now(), this::productExists);
        store.begin(id, asked, replica);
        try {
            runner.start(id, asked);
        } catch (RuntimeException refused) {
            store.delete(id);
            throw refused;
        }
    }

    List<TimelineSummary> list() {
        return store.list();
    }

    Optional<TimelineView> find(String id) {
        return store.find(id);
    }

    /** Whether there was one; a running one stops. */
    boolean delete(String id) {
        runner.stop(id);
        return store.delete(id);
    }

    private boolean productExists(ProductId productId) {
        return eventStore
                .readEvents(productId.value(), 0)
                .asStream()
                .findFirst()
                .filter(first -> first.getPayload() instanceof ProductRegisteredEvent)
                .isPresent();
    }
}
