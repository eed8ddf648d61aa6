package io.sourced.timelines.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRestockedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SeededStorageEngineTest {

    private static final Instant START = Instant.parse("2026-11-02T10:00:00Z");

    private final History history = new History(START.minus(Duration.ofDays(1)));

    @AfterEach
    void closeTheLog() {
        history.close();
    }

    @Test
    void aggregateMadeBeforeTheStart_isSeededWithItsEventsBeforeIt_only() {
        ProductId lamp = history.product("Lamp", "10.00", 1);
        history.at(START).append(lamp, new ProductRestockedEvent(lamp, 1, null));
        SeededStorageEngine seeded = new SeededStorageEngine(history.store, START);

        assertThat(seeded.readEvents(lamp.value(), 0).asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactly(0L);
        assertThat(seeded.lastSequenceNumberFor(lamp.value())).contains(0L);
    }

    @Test
    void aggregateBornInThePeriod_isNotLookedUpInTheLiveStore() {
        // a live history before the start that the sandbox must not read for an aggregate said to be born after it
        ProductId lamp = history.product("Lamp", "10.00", 1);
        SeededStorageEngine seeded = new SeededStorageEngine(history.store, START);

        seeded.bornInPeriod(lamp.value());

        assertThat(seeded.readEvents(lamp.value(), 0).asStream()).isEmpty();
        assertThat(seeded.lastSequenceNumberFor(lamp.value())).isEmpty();
    }

    @Test
    void snapshot_isKeptAsACopy_andTheEventsItCoversAreLetGo() {
        ProductId lamp = ProductId.random();
        SeededStorageEngine seeded = new SeededStorageEngine(history.store, START);
        seeded.bornInPeriod(lamp.value());
        seeded.appendEvents(List.of(event(lamp, 0), event(lamp, 1), event(lamp, 2)));
        Tally state = new Tally(3);

        seeded.storeSnapshot(new GenericDomainEventMessage<>("Product", lamp.value(), 1, state));
        state.count = 99; // the aggregate goes on deciding after its snapshot

        assertThat(seeded.eventsHeld()).isEqualTo(1);
        assertThat(seeded.readSnapshot(lamp.value()).map(snapshot -> ((Tally) snapshot.getPayload()).count))
                .contains(3);
        assertThat(seeded.readEvents(lamp.value(), 2).asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactly(2L);
        assertThat(seeded.lastSequenceNumberFor(lamp.value())).contains(2L);
        assertThatThrownBy(() -> seeded.readEvents(lamp.value(), 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("from its snapshot at 1");
    }

    @Test
    void snapshotOfALargeState_isDueOnlyOnceTheEventsSinceTheLastWeighAsMuch() {
        ProductId lamp = ProductId.random();
        SeededStorageEngine seeded = new SeededStorageEngine(history.store, START);
        seeded.bornInPeriod(lamp.value());
        seeded.appendEvents(List.of(event(lamp, 0)));
        assertThat(seeded.snapshotDue(lamp.value())).isTrue();
        Tally large = new Tally(0);
        large.remembered = "x".repeat(50_000);
        seeded.storeSnapshot(new GenericDomainEventMessage<>("Product", lamp.value(), 0, large));

        long sequence = 1;
        while (!seeded.snapshotDue(lamp.value())) {
            seeded.appendEvents(List.of(event(lamp, sequence++)));
        }

        assertThat(sequence - 1).isBetween(50L, 200L);
        assertThat(seeded.snapshotDue(ProductId.random().value())).isFalse();
    }

    @Test
    void endedAggregate_isForgotten() {
        ProductId lamp = ProductId.random();
        SeededStorageEngine seeded = new SeededStorageEngine(history.store, START);
        seeded.bornInPeriod(lamp.value());
        seeded.appendEvents(List.of(event(lamp, 0), event(lamp, 1)));

        seeded.forget(lamp.value());

        assertThat(seeded.aggregatesHeld()).isZero();
        assertThat(seeded.eventsHeld()).isZero();
        assertThat(seeded.readEvents(lamp.value(), 0).asStream()).isEmpty();
    }

    /** A stand-in for an aggregate's state, as mutable as one. */
    static final class Tally {
        public int count;
        public String remembered = "";

        Tally() {}

        Tally(int count) {
            this.count = count;
        }
    }

    private static DomainEventMessage<?> event(ProductId productId, long sequence) {
        return new GenericDomainEventMessage<>(
                "Product", productId.value(), sequence, new ProductRestockedEvent(productId, 1, null));
    }
}
