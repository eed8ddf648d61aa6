package io.sourced.query.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.boot.actuate.health.Status;

class ProcessorsHealthTest {

    private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");

    private static ProcessorWatch.Vitals vitals(String name, String state, long lag, Duration stalledFor) {
        return new ProcessorWatch.Vitals(name, state, 41L, lag, lag > 0 ? 3.5 : 0, 0, Double.NaN, stalledFor);
    }

    @Test
    void health_runningAndMoving_isUpWithItsPositionAndLag() {
        ProcessorWatch.Reading reading =
                new ProcessorWatch.Reading(NOW, Map.of("views", vitals("views", "RUNNING", 2, null)), null);

        Health health = ProcessorsHealth.health(reading, "views");

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails())
                .containsEntry("state", "RUNNING")
                .containsEntry("position", 41L)
                .containsEntry("lag", 2L)
                .containsEntry("lagSeconds", 3.5)
                .doesNotContainKey("stalledSeconds");
    }

    @Test
    void health_stalledOrInError_isDegraded() {
        ProcessorWatch.Reading reading = new ProcessorWatch.Reading(
                NOW,
                Map.of(
                        "reports", vitals("reports", "RUNNING", 7, Duration.ofSeconds(130)),
                        "shipping", vitals("shipping", "ERROR", 0, null)),
                null);

        Health stalled = ProcessorsHealth.health(reading, "reports");
        Health inError = ProcessorsHealth.health(reading, "shipping");

        assertThat(stalled.getStatus()).isEqualTo(ProcessorsHealth.DEGRADED);
        assertThat(stalled.getDetails()).containsEntry("stalledSeconds", 130L);
        assertThat(inError.getStatus()).isEqualTo(ProcessorsHealth.DEGRADED);
        assertThat(inError.getDetails()).containsEntry("state", "ERROR");
    }

    @Test
    void health_figuresUnreadable_isUnknownSayingWhy() {
        ProcessorWatch.Reading reading = new ProcessorWatch.Reading(NOW, Map.of(), "database away");

        Health health = ProcessorsHealth.health(reading, "views");

        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health.getDetails()).containsEntry("error", "database away");
    }

    @Test
    void contributors_areThisProcessesProcessors_byName() {
        ProcessorWatch watch = new ProcessorWatch(
                List::of,
                position -> Optional.empty(),
                new StallDetector(Duration.ofMinutes(2), Clock.systemUTC()),
                Duration.ofSeconds(5),
                Clock.systemUTC());
        ProcessorsHealth processors = new ProcessorsHealth(() -> List.of("views", "reports"), watch);

        assertThat(StreamSupport.stream(processors.spliterator(), false)
                        .map(NamedContributor::getName)
                        .toList())
                .containsExactly("reports", "views");
        assertThat(processors.getContributor("views")).isInstanceOf(HealthIndicator.class);
        assertThat(processors.getContributor("nothing")).isNull();
        assertThat(((HealthIndicator) processors.getContributor("views"))
                        .health()
                        .getStatus())
                .as("not among the processors read")
                .isEqualTo(Status.UNKNOWN);
    }
}
