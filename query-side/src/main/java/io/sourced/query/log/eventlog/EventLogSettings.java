package io.sourced.query.log.eventlog;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunes the event feed and the audit trails.
 *
 * @param gapTimeout how long a missing position may still fill (a transaction not yet committed) before the feed
 *                   takes it for a rolled-back one and steps over it: measured on the database's clock from when
 *                   the database recorded the event after it
 * @param trailLimit how many events a page of an aggregate's audit trail holds when the reader names no limit
 * @param trailMaxLimit the most events a reader may ask for in one page of an audit trail
 */
@ConfigurationProperties("sourced.events")
record EventLogSettings(
        @DefaultValue("10s") Duration gapTimeout,
        @DefaultValue("100") int trailLimit,
        @DefaultValue("1000") int trailMaxLimit) {

    EventLogSettings {
        if (gapTimeout == null || gapTimeout.isNegative() || gapTimeout.isZero()) {
            throw new IllegalArgumentException("sourced.events.gap-timeout must be positive: " + gapTimeout);
        }
        if (trailLimit < 1 || trailLimit > trailMaxLimit) {
            throw new IllegalArgumentException("sourced.events.trail-limit must be between 1 and "
                    + "sourced.events.trail-max-limit: " + trailLimit + ", " + trailMaxLimit);
        }
    }
}
