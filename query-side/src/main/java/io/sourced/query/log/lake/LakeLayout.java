package io.sourced.query.log.lake;

import io.sourced.query.log.eventlog.Event;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Where an event lands: {@code day=YYYY-MM-DD/type=<event type>/part-<first>-<last>.jsonl} (Hive-style
 * partitions; positions zero-padded so names sort in log order). A file is first written beside its place as the
 * hidden {@code .part-<first>-<last>.jsonl.tmp}, which no {@code *.jsonl} glob matches and Spark skips. The folder's
 * marker, {@code _sourced-lake-id}, says which lake the folder holds (see {@link SharedLakeFolder}); readers skip it too.
 */
final class LakeLayout {

    static final String EXTENSION = ".jsonl";
    static final String MARKER = "_sourced-lake-id";
    private static final String STAGED_PREFIX = ".";
    private static final String STAGED_SUFFIX = ".tmp";

    private LakeLayout() {}

    /** The partition (folder) of an event: its day (UTC) and type. */
    static String partitionOf(Event event) {
        return "day=" + LocalDate.ofInstant(event.timestamp(), ZoneOffset.UTC) + "/type=" + event.type();
    }

    /** The file, relative to the lake, of a partition's events from position {@code first} to {@code last}. */
    static String fileOf(String partition, long first, long last) {
        return partition + "/part-" + padded(first) + "-" + padded(last) + EXTENSION;
    }

    /** The staged (hidden) twin of a file, relative to the lake. */
    static String stagedOf(String file) {
        int slash = file.lastIndexOf('/');
        return file.substring(0, slash + 1) + STAGED_PREFIX + file.substring(slash + 1) + STAGED_SUFFIX;
    }

    /** The file a staged name stands for, if it is one. */
    static Optional<String> fileOfStaged(String staged) {
        int slash = staged.lastIndexOf('/');
        String name = staged.substring(slash + 1);
        if (!name.startsWith(STAGED_PREFIX) || !name.endsWith(EXTENSION + STAGED_SUFFIX)) {
            return Optional.empty();
        }
        return Optional.of(staged.substring(0, slash + 1)
                + name.substring(STAGED_PREFIX.length(), name.length() - STAGED_SUFFIX.length()));
    }

    /** Whether a name, relative to the lake, is a published file (what readers load). */
    static boolean isPublished(String file) {
        return file.endsWith(EXTENSION)
                && !file.substring(file.lastIndexOf('/') + 1).startsWith(STAGED_PREFIX);
    }

    private static String padded(long position) {
        return String.format("%019d", position);
    }
}
