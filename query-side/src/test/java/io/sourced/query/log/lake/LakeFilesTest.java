package io.sourced.query.log.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

        files.publish(FILE, LINES);

        assertThat(files.published()).containsExactly(FILE);
        assertThat(files.staged()).isEmpty();
        assertThat(lake.resolve(FILE)).hasBinaryContent(LINES);
    }

    @Test
    void publish_withoutAStagedTwin_stagesItAnew_andReplacesAFileOfTheSameName() throws IOException {
        LakeFiles files = new LakeFiles(lake);
        files.publish(FILE, "{\"stale\":true}\n".getBytes(StandardCharsets.UTF_8));

        files.publish(FILE, LINES);

        assertThat(lake.resolve(FILE)).hasBinaryContent(LINES);
        assertThat(files.staged()).isEmpty();
    }

    @Test
    void discard_removesTheStagedTwinOnly() {
        LakeFiles files = new LakeFiles(lake);
        files.publish(OTHER, LINES);
        files.stage(FILE, LINES);

        files.discard(FILE);

        assertThat(files.staged()).isEmpty();
        assertThat(files.published()).containsExactly(OTHER);
    }

    @Test
    void reconcile_publishesRecordedStagedFiles_deletesWhatIsNotRecorded_andReportsWhatIsMissing() throws IOException {
        LakeFiles files = new LakeFiles(lake);
        String unrecordedStaged =
                "day=2026-11-27/type=OrderPlacedEvent/part-0000000000000000009-0000000000000000009.jsonl";
        String missing = "day=2026-11-25/type=OrderPlacedEvent/part-0000000000000000000-0000000000000000000.jsonl";
        files.stage(FILE, LINES);
        files.stage(unrecordedStaged, LINES);
        files.publish(OTHER, LINES);

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
    void reconcile_ofAFolderNotYetCreated_changesNothing() {
        LakeFiles files = new LakeFiles(lake.resolve("not-yet"));

        LakeFiles.Reconciliation done = files.reconcile(Set.of());

        assertThat(done.published()).isEmpty();
        assertThat(done.deleted()).isEmpty();
        assertThat(lake.resolve("not-yet")).doesNotExist();
    }
}
