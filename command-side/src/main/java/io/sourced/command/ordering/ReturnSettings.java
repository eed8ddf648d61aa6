package io.sourced.command.ordering;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Returns of accepted orders, as the order decides them.
 *
 * @param window how long after its acceptance an order's units may be returned
 */
@ConfigurationProperties("sourced.returns")
public record ReturnSettings(@DefaultValue("30d") Duration window) {

    public ReturnSettings {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("sourced.returns.window must be positive: " + window);
        }
    }
}
