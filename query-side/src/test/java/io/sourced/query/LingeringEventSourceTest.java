package io.sourced.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRestockedEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

class LingeringEventSourceTest {

    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration LINGER = Duration.ofMillis(25);

    private final InMemoryLog log = new InMemoryLog();
    private final List<Long> waits = new ArrayList<>();

    @Test
    void eventAtTheHead_waitsUntilItIsAsOldAsTheLinger_soThatLaterOnesJoinItsBatch() throws Exception {
        restock(AT);

        try (BlockingStream<TrackedEventMessage<?>> stream = openAt(AT.plusMillis(10))) {
            assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(waits).containsExactly(Duration.ofMillis(15).toNanos());
    }

    @Test
    void eventAlreadyThatOld_aProcessorBehindOrCatchingUp_isOfferedAtOnce() throws Exception {
        restock(AT);
        restock(AT);

        try (BlockingStream<TrackedEventMessage<?>> stream = openAt(AT.plus(LINGER))) {
            assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
            stream.nextAvailable();
            assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(waits).isEmpty();
    }

    @Test
    void waitNeverOutlastsTheTimeoutAsked_norAnAskWithoutOne() throws Exception {
        restock(AT);

        try (BlockingStream<TrackedEventMessage<?>> stream = openAt(AT)) {
            assertThat(stream.hasNextAvailable()).isTrue();
            assertThat(stream.hasNextAvailable(5, TimeUnit.MILLISECONDS)).isTrue();
        }

        assertThat(waits).hasSize(1);
        assertThat(waits.get(0))
                .isPositive()
                .isLessThanOrEqualTo(Duration.ofMillis(5).toNanos());
    }

    @Test
    void emptyLog_saysSoAfterTheTimeout_withoutLingering() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> stream = openAt(AT)) {
            assertThat(stream.hasNextAvailable(1, TimeUnit.MILLISECONDS)).isFalse();
        }

        assertThat(waits).isEmpty();
    }

    private BlockingStream<TrackedEventMessage<?>> openAt(Instant now) {
        return new LingeringEventSource(log.store(), LINGER, Clock.fixed(now, ZoneOffset.UTC), waits::add)
                .openStream(null);
    }

    private void restock(Instant at) {
        ProductId product = ProductId.random();
        log.record("Product", product, new ProductRestockedEvent(product, 1, null), at);
    }
}
