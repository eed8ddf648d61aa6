package io.sourced.timelines.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRestockedEvent;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.eventhandling.DomainEventMessage;
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
}
