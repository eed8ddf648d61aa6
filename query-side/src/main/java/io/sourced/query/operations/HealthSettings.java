package io.sourced.query.operations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a processor counts as stalled in {@code /actuator/health}.
 *
 * @param stallAfter how long a processor behind the head of the log may stand still before health says
 *     {@code DEGRADED}
 */
@ConfigurationProperties("sourced.health")
record HealthSettings(@DefaultValue("2m") Duration stallAfter) {

    HealthSettings {
        if (stallAfter == null || stallAfter.isNegative() || stallAfter.isZero()) {
            throw new IllegalArgumentException("sourced.health.stall-after must be positive: " + stallAfter);
        }
    }
}
