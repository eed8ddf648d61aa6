package io.sourced.query.log.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeFilesTest {

    private static final String FILE =
            "day=2026-11-26/type=OrderPlacedEvent/part-0000000000000000001-0000000000000000002.jsonl";
    private static final String OTHER =
            "day=2026-11-26/type=OrderAcceptedEvent/part-0000000000000000003-0000000000000000003.jsonl";
    private static final byte[] LINES = "{\"position\":1}\n{\"position\":2}\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path lake;

    @Test
    void stage_writesAHiddenFile_thatReadersDoNotSeeUntilItIsPublished() throws IOException {
        LakeFiles files = new LakeFiles(lake);

        files.stage(FILE, LINES);

        assertThat(files.published()).isEmpty();
        assertThat(files.staged()).containsExactly(FILE);
        assertThat(lake.resolve(FILE)).doesNotExist();

        files.publish(FILE);

        assertThat(files.published()).containsExactly(FILE);
        assertThat(files.staged()).isEmpty();
        assertThat(lake.resolve(FILE)).hasBinaryContent(LINES);
    }

    @Test
    void publish_replacesAFileOfTheSameName() {
        LakeFiles files = new LakeFiles(lake);
        put(files, FILE, "{\"stale\":true}\n".getBytes(StandardCharsets.UTF_8));
        files.stage(FILE, LINES);

        files.publish(FILE);

        assertThat(lake.resolve(FILE)).hasBinaryContent(LINES);
        assertThat(files.staged()).isEmpty();
    }

    @Test
    void publish_ofAFileAnotherReplicaPublishedFirst_leavesItInPlace() {
        LakeFiles files = new LakeFiles(lake);
        files.stage(FILE, LINES);
        new LakeFiles(lake).publish(FILE);

        files.publish(FILE);

        assertThat(lake.resolve(FILE)).hasBinaryContent(LINES);
    }

    @Test
    void publish_ofAFileNeitherStagedNorInPlace_fails() {
        assertThatThrownBy(() -> new LakeFiles(lake).publish(FILE))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("not staged");
    }

    @Test
    void settle_publishesTheRecordedTwins_deletesTheOthers_andTouchesNoFileItWasNotGiven() {
        LakeFiles files = new LakeFiles(lake);
        String rolledBack = "day=2026-11-27/type=OrderPlacedEvent/part-0000000000000000009-0000000000000000009.jsonl";
        String anotherReplicas =
                "day=2026-11-27/type=OrderPlacedEvent/part-0000000000000000010-0000000000000000010.jsonl";
        String lost = "day=2026-11-25/type=OrderPlacedEvent/part-0000000000000000000-0000000000000000000.jsonl";
        files.stage(FILE, LINES);
        files.stage(rolledBack, LINES);
        files.stage(anotherReplicas, LINES);
        put(files, OTHER, LINES);

        LakeFiles.Reconciliation done =
                files.settle(List.of(FILE, rolledBack, OTHER, lost), Set.of(FILE, OTHER, anotherReplicas, lost));

        assertThat(done.published()).containsExactly(FILE);
        assertThat(done.deleted()).containsExactly(LakeLayout.stagedOf(rolledBack));
        assertThat(done.missing()).containsExactly(lost);
        assertThat(files.published()).containsExactlyInAnyOrder(FILE, OTHER);
        assertThat(files.staged()).as("not this settlement's to decide").containsExactly(anotherReplicas);
    }

    @Test
    void reconcile_publishesRecordedStagedFiles_deletesWhatIsNotRecorded_andReportsWhatIsMissing() throws IOException {
        LakeFiles files = new LakeFiles(lake);
        String unrecordedStaged =
                "day=2026-11-27/type=OrderPlacedEvent/part-0000000000000000009-0000000000000000009.jsonl";
        String missing = "day=2026-11-25/type=OrderPlacedEvent/part-0000000000000000000-0000000000000000000.jsonl";
        files.stage(FILE, LINES);
        files.stage(unrecordedStaged, LINES);
        put(files, OTHER, LINES);

        LakeFiles.Reconciliation done = files.reconcile(Set.of(FILE, missing));

        assertThat(files.published()).containsExactly(FILE);
        assertThat(files.staged()).isEmpty();
        assertThat(lake.resolve(FILE)).hasBinaryContent(LINES);
        assertThat(done.published()).containsExactly(FILE);
        assertThat(done.deleted()).containsExactlyInAnyOrder(LakeLayout.stagedOf(unrecordedStaged), OTHER);
        assertThat(done.missing()).containsExactly(missing);
        assertThat(lake.resolve("day=2026-11-27"))
                .as("emptied partitions are removed")
                .doesNotExist();
        assertThat(lake.resolve("day=2026-11-26/type=OrderAcceptedEvent")).doesNotExist();
        assertThat(Files.isDirectory(lake)).isTrue();
    }

    @Test
    void reconcile_leavesTheMarkerAlone() {
        LakeFiles files = new LakeFiles(lake);
        files.mark("lake-1");

        LakeFiles.Reconciliation done = files.reconcile(Set.of());

        assertThat(done.changedNothing()).isTrue();
        assertThat(files.marker()).contains("lake-1");
    }

    @Test
    void mark_writesAnIdThatReadersOfTheLakeDoNotSee() {
        LakeFiles files = new LakeFiles(lake.resolve("new"));
        assertThat(files.marker()).isEmpty();

        files.mark("lake-1");

        assertThat(files.marker()).contains("lake-1");
        assertThat(files.published()).isEmpty();
        assertThat(files.staged()).isEmpty();
        assertThat(LakeLayout.isPublished(LakeLayout.MARKER)).isFalse();
    }

    @Test
    void reconcile_ofAFolderNotYetCreated_changesNothing() {
        LakeFiles files = new LakeFiles(lake.resolve("not-yet"));

        LakeFiles.Reconciliation done = files.reconcile(Set.of());

        assertThat(done.published()).isEmpty();
        assertThat(done.deleted()).isEmpty();
        assertThat(lake.resolve("not-yet")).doesNotExist();
    }

    private static void put(LakeFiles files, String file, byte[] content) {
        files.stage(file, content);
        files.publish(file);
    }
}
