package io.sourced.query.log.consumers;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunes the consumers' feed.
 *
 * @param scanLimit how many events of the log one read goes through at most, served or not, before it answers
 * @param pollEvery how often an open stream looks for new events
 * @param heartbeatEvery how often an idle stream sends a comment, which finds a client gone
 * @param maxStreams how many streams one consumer may hold open at once on one replica
 */
@ConfigurationProperties("sourced.feed")
record FeedSettings(
        @DefaultValue("10000") int scanLimit,
        @DefaultValue("250ms") Duration pollEvery,
        @DefaultValue("15s") Duration heartbeatEvery,
        @DefaultValue("2") int maxStreams) {

    FeedSettings {
        if (scanLimit < 1) {
            throw new IllegalArgumentException("sourced.feed.scan-limit must be positive: " + scanLimit);
        }
        if (pollEvery == null || pollEvery.isNegative() || pollEvery.isZero()) {
            throw new IllegalArgumentException("sourced.feed.poll-every must be positive: " + pollEvery);
        }
        if (heartbeatEvery == null || heartbeatEvery.isNegative() || heartbeatEvery.isZero()) {
            throw new IllegalArgumentException("sourced.feed.heartbeat-every must be positive: " + heartbeatEvery);
        }
        if (maxStreams < 1) {
            throw new IllegalArgumentException("sourced.feed.max-streams must be positive: " + maxStreams);
        }
    }
}
