package io.sourced.query.log.consumers;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sourced.api.consumers.ConsumerId;
import io.sourced.api.consumers.RegisterConsumerCommand;
import io.sourced.query.MetricsSettings;
import io.sourced.query.MovingClock;
import io.sourced.query.ViewDatabase;
import io.sourced.query.log.catalog.EventCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class ConsumerGaugesTest {

    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc = ViewDatabase.migrated();
    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-08T10:00:00Z"));
    private final ConsumerRegistry consumers = new ConsumerRegistry(jdbc, new EventCatalog(), clock);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    {
        new ConsumerGauges(consumers, new MetricsSettings(REFRESH), clock).bind(registry);
    }

    private ConsumerId register(String name, String type) {
        ConsumerId id = ConsumerId.random();
        consumers.register(new RegisterConsumerCommand(id, name, List.of(type), false));
        return id;
    }

    private double registered() {
        return registry.get("sourced.consumers").gauge().value();
    }

    private Gauge lagOf(String consumer) {
        return registry.find("sourced.consumer.lag.events")
                .tag("consumer", consumer)
                .gauge();
    }

    @Test
    void scrape_aConsumerBehind_showsItsLagInEventsOfItsTypes() {
        ConsumerId warehouse = register("warehouse", "OrderPlacedEvent");
        register("ledger", "FundsDepositedEvent");
        indexed(1, "OrderPlacedEvent");
        indexed(2, "FundsDepositedEvent");
        indexed(3, "OrderPlacedEvent");
        consumers.storePosition(warehouse, 1);

        assertThat(registered()).isEqualTo(2);
        assertThat(lagOf("warehouse").value()).isEqualTo(1);
        assertThat(lagOf("ledger").value()).isEqualTo(1);
    }

    @Test
    void scrape_withinARefresh_readsNothingAgain_andAfterIt_followsTheConsumers() {
        ConsumerId warehouse = register("warehouse", "OrderPlacedEvent");
        assertThat(registered()).isEqualTo(1);
        indexed(1, "OrderPlacedEvent");
        register("ledger", "FundsDepositedEvent");

        assertThat(lagOf("warehouse").value()).as("read before the event").isZero();
        assertThat(lagOf("ledger")).as("registered since the last reading").isNull();

        clock.advance(REFRESH);
        assertThat(registered()).isEqualTo(2);
        assertThat(lagOf("warehouse").value()).isEqualTo(1);
        assertThat(lagOf("ledger").value()).isZero();
        consumers.storePosition(warehouse, 1);
        jdbc.update("DELETE FROM feed_consumer_event_type WHERE consumer_id IN"
                + " (SELECT consumer_id FROM feed_consumer WHERE name = 'ledger')");
        jdbc.update("DELETE FROM feed_consumer WHERE name = 'ledger'");

        clock.advance(REFRESH);
        assertThat(registered()).isEqualTo(1);
        assertThat(lagOf("warehouse").value()).isZero();
        assertThat(lagOf("ledger")).as("a consumer gone has no gauge").isNull();
    }

    private void indexed(long position, String type) {
        ConsumerRegistryTest.indexed(jdbc, position, type);
    }
}
