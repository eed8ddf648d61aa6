package io.sourced.command.admission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Admission control of new orders.
 *
 * @param enabled whether orders are refused ({@code 429}) while the workflow is behind
 * @param limit   the longest an order placed now may be expected to wait for its decision before new orders are
 *                refused
 */
@ConfigurationProperties("sourced.admission")
public record AdmissionSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("3s") Duration limit) {

    public AdmissionSettings {
        if (limit == null || limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("sourced.admission.limit must be positive: " + limit);
        }
    }
}
