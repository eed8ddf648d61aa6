package io.sourced.saga.ordering;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunes the order-to-payment workflow.
 *
 * @param timeout how long an order may stay pending before the workflow asks to reject it ({@code TIMEOUT})
 */
@ConfigurationProperties("sourced.order")
public record OrderWorkflowSettings(@DefaultValue("30s") Duration timeout) {

    public OrderWorkflowSettings {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("sourced.order.timeout must be positive: " + timeout);
        }
    }
}
