package io.sourced.query.log.consumers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourced.api.consumers.ConsumerId;
import io.sourced.api.consumers.ConsumerView;
import io.sourced.api.consumers.GrantEventTypesCommand;
import io.sourced.api.consumers.IssuedToken;
import io.sourced.api.consumers.RegisterConsumerCommand;
import io.sourced.api.refusal.Refusal;
import io.sourced.query.ViewDatabase;
import io.sourced.query.log.catalog.EventCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class ConsumerRegistryTest {

    private final JdbcTemplate jdbc = ViewDatabase.migrated();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-08T10:00:30Z"));
    private final ConsumerRegistry registry = new ConsumerRegistry(jdbc, new EventCatalog(), new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    });

    private IssuedToken register(String name, String... types) {
        return registry.register(new RegisterConsumerCommand(ConsumerId.random(), name, List.of(types), false));
    }

    private static Refusal refusalOf(Throwable thrown) {
        return Refusal.of(thrown).orElseThrow();
    }

    @Test
    void register_withCatalogTypes_keepsOnlyTheTokensHashAndSignsItIn() {
        IssuedToken issued = register("warehouse", "OrderPlacedEvent", "OrderAcceptedEvent");

        assertThat(issued.token()).startsWith("sct_").hasSizeGreaterThan(40);
        assertThat(jdbc.queryForObject("SELECT token_hash FROM feed_consumer", String.class))
                .isEqualTo(Tokens.hash(issued.token()))
                .isNotEqualTo(issued.token());
        FeedReader reader = registry.byToken(issued.token()).orElseThrow();
        assertThat(reader.consumerId()).isEqualTo(issued.consumerId());
        assertThat(reader.eventTypes()).containsExactlyInAnyOrder("OrderPlacedEvent", "OrderAcceptedEvent");
        assertThat(reader.personalData()).isFalse();
    }

    @Test
    void register_withATypeNotInTheCatalog_isRefusedAsInvalidAndStoresNothing() {
        assertThatThrownBy(() -> register("warehouse", "OrderPlacedEvent", "OrderShippedEvent"))
                .satisfies(thrown -> {
                    assertThat(refusalOf(thrown).kind()).isEqualTo(Refusal.Kind.INVALID);
                    assertThat(refusalOf(thrown).field()).isEqualTo("eventTypes");
                    assertThat(refusalOf(thrown).reason()).contains("OrderShippedEvent");
                });
        assertThat(registry.all()).isEmpty();
    }

    @Test
    void register_withoutTypesOrName_isRefusedAsInvalid() {
        assertThatThrownBy(() -> register("warehouse"))
                .satisfies(thrown -> assertThat(refusalOf(thrown).field()).isEqualTo("eventTypes"));
        assertThatThrownBy(() -> register(" ", "OrderPlacedEvent"))
                .satisfies(thrown -> assertThat(refusalOf(thrown).field()).isEqualTo("name"));
    }

    @Test
    void register_withATakenName_isRefusedAsAConflict() {
        register("warehouse", "OrderPlacedEvent");

        assertThatThrownBy(() -> register("warehouse", "OrderAcceptedEvent"))
                .satisfies(thrown -> assertThat(refusalOf(thrown).kind()).isEqualTo(Refusal.Kind.CONFLICT));
    }

    @Test
    void grant_addsTypesAndKeepsThoseItHad() {
        IssuedToken issued = register("warehouse", "OrderPlacedEvent");

        registry.grant(
                new GrantEventTypesCommand(issued.consumerId(), List.of("OrderPlacedEvent", "OrderRejectedEvent")));

        assertThat(registry.find(issued.consumerId()).orElseThrow().eventTypes())
                .containsExactly("OrderPlacedEvent", "OrderRejectedEvent");
    }

    @Test
    void grant_toNoConsumer_isRefusedAsNotFound() {
        assertThatThrownBy(() ->
                        registry.grant(new GrantEventTypesCommand(ConsumerId.random(), List.of("OrderPlacedEvent"))))
                .satisfies(thrown -> assertThat(refusalOf(thrown).kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
    }

    @Test
    void rotate_stopsTheOldTokenAndSignsTheNewOneIn() {
        IssuedToken first = register("warehouse", "OrderPlacedEvent");

        IssuedToken second = registry.rotate(first.consumerId());

        assertThat(registry.byToken(first.token())).isEmpty();
        assertThat(registry.byToken(second.token())).isPresent();
    }

    @Test
    void disable_refusesTheTokenUntilEnabled() {
        IssuedToken issued = register("warehouse", "OrderPlacedEvent");

        registry.enable(issued.consumerId(), false);
        assertThat(registry.byToken(issued.token())).isEmpty();
        assertThat(registry.find(issued.consumerId()).orElseThrow().enabled()).isFalse();

        registry.enable(issued.consumerId(), true);
        assertThat(registry.byToken(issued.token())).isPresent();
    }

    @Test
    void byToken_ofWhatIsNoToken_isEmpty() {
        register("warehouse", "OrderPlacedEvent");

        assertThat(registry.byToken("sct_guess")).isEmpty();
        assertThat(registry.byToken("")).isEmpty();
        assertThat(registry.byToken(null)).isEmpty();
    }

    @Test
    void recordRead_givesTheLastReadTheCountAndTheRateOfTheLastFullMinute() {
        ConsumerId id = register("warehouse", "OrderPlacedEvent").consumerId();

        registry.recordRead(id, 60);
        registry.recordRead(id, 60);
        ConsumerView sameMinute = registry.find(id).orElseThrow();
        now.set(now.get().plus(Duration.ofMinutes(1)));
        ConsumerView nextMinute = registry.find(id).orElseThrow();
        registry.recordRead(id, 6);
        ConsumerView afterAReadInIt = registry.find(id).orElseThrow();
        now.set(now.get().plus(Duration.ofMinutes(5)));
        ConsumerView quietSince = registry.find(id).orElseThrow();

        assertThat(sameMinute.eventsRead()).isEqualTo(120);
        assertThat(sameMinute.lastReadAt()).isEqualTo(Instant.parse("2026-12-08T10:00:30Z"));
        assertThat(sameMinute.eventsPerSecond()).isZero();
        assertThat(nextMinute.eventsPerSecond()).isEqualTo(2.0);
        assertThat(afterAReadInIt.eventsPerSecond()).isEqualTo(2.0);
        assertThat(afterAReadInIt.eventsRead()).isEqualTo(126);
        assertThat(quietSince.eventsPerSecond()).isZero();
    }

    @Test
    void lag_countsTheEventsOfItsTypesAfterItsStoredPosition() {
        ConsumerId id = register("warehouse", "OrderPlacedEvent").consumerId();
        indexed(1, "OrderPlacedEvent");
        indexed(2, "ProductRestockedEvent");
        indexed(3, "OrderPlacedEvent");
        indexed(4, "OrderPlacedEvent");

        assertThat(registry.find(id).orElseThrow().lag()).isEqualTo(3);
        assertThat(registry.position(id)).isEmpty();
        registry.storePosition(id, 3);
        ConsumerView consumer = registry.find(id).orElseThrow();
        assertThat(consumer.lag()).isEqualTo(1);
        assertThat(consumer.position()).isEqualTo(3);
        assertThat(registry.position(id))
                .get()
                .extracting(ConsumerRegistry.StoredPosition::position)
                .isEqualTo(3L);
    }

    private void indexed(long position, String type) {
        indexed(jdbc, position, type);
    }

    /** An event of that type at that position in the log's index, as the event log keeps it. */
    static void indexed(JdbcTemplate jdbc, long position, String type) {
        jdbc.update(
                "INSERT INTO event_log_view (position, event_id, type, occurred_at, payload, metadata) "
                        + "VALUES (?, ?, ?, CURRENT_TIMESTAMP, '{}', '{}')",
                position,
                "e" + position,
                type);
    }
}
