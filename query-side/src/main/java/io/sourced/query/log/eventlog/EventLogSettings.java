package io.sourced.query.log.eventlog;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunes the event feed.
 *
 * @param gapTimeout how long a missing position may still fill (a transaction not yet committed) before the feed
 *                   takes it for a rolled-back one and steps over it; Axon's JDBC event store itself forgets gaps
 *                   after one minute, so values above that act as one minute
 */
@ConfigurationProperties("sourced.events")
record EventLogSettings(@DefaultValue("10s") Duration gapTimeout) {

    EventLogSettings {
        if (gapTimeout == null || gapTimeout.isNegative() || gapTimeout.isZero()) {
            throw new IllegalArgumentException("sourced.events.gap-timeout must be positive: " + gapTimeout);
        }
    }
}
