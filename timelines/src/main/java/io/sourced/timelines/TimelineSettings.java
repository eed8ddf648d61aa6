package io.sourced.timelines;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunes the timelines ({@code sourced.timelines.*}).
 *
 * @param poolSize how many timelines one process runs at once
 * @param waiting  how many more may wait for a place; beyond, a new timeline is refused (429)
 */
@ConfigurationProperties("sourced.timelines")
record TimelineSettings(
        @DefaultValue("2") int poolSize, @DefaultValue("20") int waiting) {

    TimelineSettings {
        if (poolSize < 1) {
            throw new IllegalArgumentException("sourced.timelines.pool-size must be at least 1: " + poolSize);
        }
        if (waiting < 0) {
            throw new IllegalArgumentException("sourced.timelines.waiting must not be negative: " + waiting);
        }
    }
}
