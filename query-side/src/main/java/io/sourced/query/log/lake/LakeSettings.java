package io.sourced.query.log.lake;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The data-lake feed.
 *
 * @param folder    where the lake is written (created when needed)
 * @param batchSize at most this many events per processor batch, so one file holds many events of a day and
 *                  type
 * @param linger    how long a batch at the head of the log waits for more events to join it (fewer, larger files)
 */
@ConfigurationProperties("sourced.lake")
record LakeSettings(
        @DefaultValue("./data/lake") String folder,
        @DefaultValue("200") int batchSize,
        @DefaultValue("1s") Duration linger) {

    LakeSettings {
        if (folder == null || folder.isBlank()) {
            throw new IllegalArgumentException("sourced.lake.folder must name a folder");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("sourced.lake.batch-size must be at least 1: " + batchSize);
        }
        if (linger.isNegative()) {
            throw new IllegalArgumentException("sourced.lake.linger must not be negative: " + linger);
        }
    }

    Path path() {
        return Path.of(folder);
    }
}
