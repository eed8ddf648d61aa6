package io.sourced.command.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Idempotency keys of the API's commands.
 *
 * @param retention how long a key is kept after its first use; after that it may be used again for a new request
 */
@ConfigurationProperties("sourced.idempotency")
public record IdempotencySettings(@DefaultValue("24h") Duration retention) {

    public IdempotencySettings {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("sourced.idempotency.retention must be positive: " + retention);
        }
    }
}
