package io.sourced.query;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The figures of the read side that metrics and health show (processors, consumers) are read from the database when
 * asked, at most once per {@code refresh}: however often Prometheus scrapes or a load balancer checks health, that
 * is what they cost.
 */
@ConfigurationProperties("sourced.metrics")
public record MetricsSettings(@DefaultValue("5s") Duration refresh) {

    public MetricsSettings {
        if (refresh == null || refresh.isNegative() || refresh.isZero()) {
            throw new IllegalArgumentException("sourced.metrics.refresh must be positive: " + refresh);
        }
    }
}
