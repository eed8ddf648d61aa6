package io.sourced.query.log.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourced.query.ViewDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class SharedLakeFolderTest {

    private static final String FILE =
            "day=2026-11-26/type=OrderPlacedEvent/part-0000000000000000001-0000000000000000001.jsonl";

    @TempDir
    Path shared;

    @TempDir
    Path elsewhere;

    private JdbcTemplate jdbc;
    private TransactionTemplate transactions;

    @BeforeEach
    void setUp() {
        jdbc = ViewDatabase.migrated();
        transactions = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
    }

    private SharedLakeFolder replicaOn(Path folder) {
        return new SharedLakeFolder(new LakeFiles(folder), new LakeLedger(jdbc), transactions);
    }

    private Optional<String> recordedFolder() {
        return Optional.ofNullable(jdbc.queryForObject("SELECT folder_id FROM lake_folder", String.class));
    }

    @Test
    void theFirstReplicaToCheck_marksItsFolder_andTheDatabaseRecordsTheMark() {
        assertThat(replicaOn(shared).confirmed()).isTrue();

        Optional<String> marker = new LakeFiles(shared).marker();
        assertThat(marker).isPresent();
        assertThat(recordedFolder()).isEqualTo(marker);
    }

    @Test
    void everyReplicaOnTheMarkedFolder_isConfirmed() {
        replicaOn(shared).confirmed();

        assertThat(replicaOn(shared).confirmed()).isTrue();
        assertThat(replicaOn(shared.resolve("day=2026-11-26").resolve("..")).confirmed())
                .isTrue();
    }

    @Test
    void aReplicaWithAFolderOfItsOwn_isRefused_andItsFolderLeftUnmarked() {
        replicaOn(shared).confirmed();

        assertThat(replicaOn(elsewhere).confirmed()).isFalse();
        assertThat(new LakeFiles(elsewhere).marker()).isEmpty();
    }

    @Test
    void aReplicaWhoseFolderIsMarkedForAnotherLake_isRefused() {
        replicaOn(shared).confirmed();
        new LakeFiles(elsewhere).mark("another-lake");

        assertThat(replicaOn(elsewhere).confirmed()).isFalse();
        assertThat(new LakeFiles(elsewhere).marker()).contains("another-lake");
    }

    @Test
    void aBatch_onAFolderThatIsNotTheLakes_isRefused_beforeItWrites() {
        replicaOn(shared).confirmed();
        SharedLakeFolder misplaced = replicaOn(elsewhere);

        assertThatThrownBy(() ->
                        transactions.executeWithoutResult(status -> misplaced.verify(new LakeLedger(jdbc).lock())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(elsewhere.toString())
                .hasMessageContaining("sourced.lake.folder");
    }

    @Test
    void theLakesFolder_emptiedOfItsMarker_isRefused() {
        replicaOn(shared).confirmed();
        new LakeFiles(shared).mark("");

        assertThat(replicaOn(shared).confirmed()).isFalse();
    }

    @Test
    void aFolderHoldingALakeThisDatabaseDidNotWrite_isRefused() {
        LakeFiles other = new LakeFiles(elsewhere);
        other.mark("another-database");
        other.stage(FILE, "{}\n".getBytes(StandardCharsets.UTF_8));
        other.publish(FILE);

        assertThat(replicaOn(elsewhere).confirmed()).isFalse();
        assertThat(recordedFolder()).isEmpty();
    }

    @Test
    void aMarkedFolderWithoutALake_isTakenAsItIs() {
        new LakeFiles(shared).mark("left-by-a-first-check");

        assertThat(replicaOn(shared).confirmed()).isTrue();
        assertThat(recordedFolder()).contains("left-by-a-first-check");
    }

    @Test
    void aLakeWrittenBeforeFoldersWereMarked_isMarkedByTheFirstReplicaToCheck() {
        LakeFiles old = new LakeFiles(shared);
        old.stage(FILE, "{}\n".getBytes(StandardCharsets.UTF_8));
        old.publish(FILE);

        assertThat(replicaOn(shared).confirmed()).isTrue();
        assertThat(recordedFolder()).isEqualTo(old.marker()).isPresent();
        assertThat(old.published()).containsExactly(FILE);
    }

    @Test
    void twoReplicasCheckingAtOnce_onOneFolder_bothConfirm_withOneMark() throws Exception {
        jdbc.execute("SET DEFAULT_LOCK_TIMEOUT 10000");
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        Callable<Boolean> check = () -> replicaOn(shared).confirmed();

        List<Future<Boolean>> checks = replicas.invokeAll(List.of(check, check));
        replicas.shutdown();

        for (Future<Boolean> confirmed : checks) {
            assertThat(confirmed.get(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(recordedFolder()).isEqualTo(new LakeFiles(shared).marker());
    }

    @Test
    void aCheckThatCannotReachTheDatabase_letsTheProcessorStart_forEachBatchChecksAgain() {
        jdbc.execute("DROP TABLE lake_folder");

        assertThat(replicaOn(shared).confirmed()).isTrue();
    }
}
