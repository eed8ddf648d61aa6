package io.sourced.query.log.consumers;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sourced.api.consumers.ConsumerView;
import io.sourced.query.MetricsSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The consumers on {@code /actuator/prometheus}: how many are registered, and each one's lag (tagged {@code consumer},
 * its name), as the operations page shows them. Read when scraped, at most once per {@code sourced.metrics.refresh}
 * (each lag counts the log's index past the consumer's position); a consumer registered since appears then.
 */
@Component
@EnableConfigurationProperties(MetricsSettings.class)
class ConsumerGauges {

    private final ConsumerRegistry consumers;
    private final MetricsSettings settings;
    private final Clock clock;
    private final Map<String, Gauge> lags = new HashMap<>();
    private MeterRegistry registry;
    private Instant readAt;
    private Map<String, Long> lagByName = Map.of();

    @Autowired
    ConsumerGauges(ConsumerRegistry consumers, MetricsSettings settings, ObjectProvider<MeterRegistry> registries) {
        this(consumers, settings, Clock.systemUTC());
        registries.ifAvailable(this::bind);
    }

    ConsumerGauges(ConsumerRegistry consumers, MetricsSettings settings, Clock clock) {
        this.consumers = consumers;
        this.settings = settings;
        this.clock = clock;
    }

    void bind(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("sourced.consumers", this, gauges -> gauges.current().size())
                .description("Consumers registered to read the feed, enabled or not")
                .baseUnit("consumers")
                .register(registry);
    }

    /** Each consumer's lag by name, read again if it is a refresh old; a gauge for each, none for those gone. */
    private synchronized Map<String, Long> current() {
        Instant now = clock.instant();
        if (readAt != null && now.isBefore(readAt.plus(settings.refresh()))) {
            return lagByName;
        }
        readAt = now;
        lagByName = consumers.all().stream()
                .collect(Collectors.toMap(ConsumerView::name, ConsumerView::lag, (first, second) -> first));
        lagByName.keySet().stream().filter(name -> !lags.containsKey(name)).forEach(this::gauge);
        lags.keySet().removeIf(name -> {
            if (lagByName.containsKey(name)) {
                return false;
            }
            registry.remove(lags.get(name));
            return true;
        });
        return lagByName;
    }

    private void gauge(String name) {
        lags.put(
                name,
                Gauge.builder("sourced.consumer.lag.events", this, gauges -> {
                            Long lag = gauges.current().get(name);
                            return lag == null ? Double.NaN : lag;
                        })
                        .tag("consumer", name)
                        .description("Events of the consumer's types after the position it stored")
                        .baseUnit("events")
                        .register(registry));
    }
}
