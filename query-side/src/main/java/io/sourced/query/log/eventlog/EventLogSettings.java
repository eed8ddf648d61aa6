package io.sourced.query.log.eventlog;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunes the event feed.
 *
 * @param gapTimeout how long a missing position may still fill (a transaction not yet committed) before the feed
 *                   takes it for a rolled-back one and steps over it: measured on the database's clock from when
 *                   the database recorded the event after it
 */
@ConfigurationProperties("sourced.events")
record EventLogSettings(@DefaultValue("10s") Duration gapTimeout) {

    EventLogSettings {
        if (gapTimeout == null || gapTimeout.isNegative() || gapTimeout.isZero()) {
            throw new IllegalArgumentException("sourced.events.gap-timeout must be positive: " + gapTimeout);
        }
    }
}
