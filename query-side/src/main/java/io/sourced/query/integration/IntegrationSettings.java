package io.sourced.query.integration;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway talks to outside systems (their base URLs are read apart, when first called: see
 * {@link ExternalSystems}).
 *
 * @param timeout      bounds one attempt: connecting, then waiting for the answer
 * @param firstBackoff the wait after the first failed attempt; it doubles after each further failure
 * @param maxBackoff   the longest wait between two attempts
 */
@ConfigurationProperties("sourced.integration")
record IntegrationSettings(
        @DefaultValue("2s") Duration timeout,
        @DefaultValue("100ms") Duration firstBackoff,
        @DefaultValue("5s") Duration maxBackoff) {

    IntegrationSettings {
        requirePositive("timeout", timeout);
        requirePositive("first-backoff", firstBackoff);
        requirePositive("max-backoff", maxBackoff);
        if (maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("sourced.integration.max-backoff must not be below first-backoff");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("sourced.integration." + name + " must be positive: " + value);
        }
    }
}
