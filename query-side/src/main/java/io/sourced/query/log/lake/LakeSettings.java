package io.sourced.query.log.lake;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The data-lake feed.
 *
 * @param folder    where the lake is written (created when needed)
 * @param batchSize at most this many events per processor batch, so one file holds many events of a day and
 *                  type; a batch never waits to fill: it takes the events available
 */
@ConfigurationProperties("sourced.lake")
record LakeSettings(
        @DefaultValue("./data/lake") String folder,
        @DefaultValue("200") int batchSize) {

    LakeSettings {
        if (folder == null || folder.isBlank()) {
            throw new IllegalArgumentException("sourced.lake.folder must name a folder");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("sourced.lake.batch-size must be at least 1: " + batchSize);
        }
    }

    Path path() {
        return Path.of(folder);
    }
}
