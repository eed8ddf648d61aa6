package io.sourced.saga.returns;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunes the returns workflow.
 *
 * @param timeout how long a return may take to have every unit back in stock before it ends as failed
 * @param retry   how long the workflow waits before it sends a step that failed again
 */
@ConfigurationProperties("sourced.returns")
public record ReturnWorkflowSettings(
        @DefaultValue("10m") Duration timeout,
        @DefaultValue("10s") Duration retry) {

    public ReturnWorkflowSettings {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("sourced.returns.timeout must be positive: " + timeout);
        }
        if (retry == null || retry.isNegative() || retry.isZero()) {
            throw new IllegalArgumentException("sourced.returns.retry must be positive: " + retry);
        }
    }
}
