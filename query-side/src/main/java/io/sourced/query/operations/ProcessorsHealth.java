package io.sourced.query.operations;

import java.util.Collection;
import java.util.Iterator;
import java.util.function.Supplier;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.boot.actuate.health.Status;

/**
 * The {@code processors} part of {@code /actuator/health}: each processor's state, position and lag. One in error or
 * stalled is {@link #DEGRADED}, which the application answers with 200 (management.endpoint.health.status in
 * application.yml): it still serves, and a load balancer keeps it; the database or Axon Server away is {@code DOWN}.
 * Figures that cannot be read are {@code UNKNOWN}, which leaves the whole as the other parts say.
 */
final class ProcessorsHealth implements CompositeHealthContributor {

    static final Status DEGRADED = new Status("DEGRADED", "a processor is in error or stands still behind the log");

    private final Supplier<Collection<String>> names;
    private final ProcessorWatch watch;

    /** @param names the processors of this process */
    ProcessorsHealth(Supplier<Collection<String>> names, ProcessorWatch watch) {
        this.names = names;
        this.watch = watch;
    }

    @Override
    public HealthContributor getContributor(String name) {
        return names.get().contains(name) ? indicator(name) : null;
    }

    @Override
    public Iterator<NamedContributor<HealthContributor>> iterator() {
        return names.get().stream()
                .sorted()
                .map(name -> NamedContributor.<HealthContributor>of(name, indicator(name)))
                .iterator();
    }

    private HealthIndicator indicator(String name) {
        return () -> health(watch.current(), name);
    }

    static Health health(ProcessorWatch.Reading reading, String name) {
        if (reading.failure() != null) {
            return Health.unknown().withDetail("error", reading.failure()).build();
        }
        return reading.of(name)
                .map(processor -> {
                    Health.Builder health = processor.degraded() ? Health.status(DEGRADED) : Health.up();
                    health.withDetail("state", processor.state());
                    if (processor.position() != null) {
                        health.withDetail("position", processor.position());
                    }
                    health.withDetail("lag", processor.lag()).withDetail("lagSeconds", processor.lagSeconds());
                    if (processor.stalledFor() != null) {
                        health.withDetail(
                                "stalledSeconds", processor.stalledFor().toSeconds());
                    }
                    return health.build();
                })
                .orElseGet(() -> Health.unknown().build());
    }
}
