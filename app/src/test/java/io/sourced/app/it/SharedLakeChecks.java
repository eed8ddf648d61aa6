package io.sourced.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the lake must be once the log is quiet: every event of the log, once, at its position, read by DuckDB. */
final class SharedLakeChecks {

    /** The file that says which lake a folder holds. */
    static final String MARKER = "_sourced-lake-id";

    private SharedLakeChecks() {}

    /** Waits until the lake holds every event of the log (a reader's view: visible files only). */
    static void awaitTheLakeHoldsTheLog(JdbcTemplate store, Path lake) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(Lake.read(lake).positionsById().keySet())
                        .containsExactlyInAnyOrderElementsOf(
                                store.queryForList("SELECT eventidentifier FROM domainevententry", String.class)));
    }

    /**
     * DuckDB reads each event of the log exactly once, at its global index, and nothing else; no staged file is left;
     * the ledger names exactly the published files.
     */
    static void assertEveryEventOnce(JdbcTemplate store, Path lake) {
        Map<String, List<Long>> expected = new TreeMap<>();
        store.query("SELECT eventidentifier, globalindex FROM domainevententry", row -> {
            expected.put(row.getString(1), List.of(row.getLong(2)));
        });
        assertThat(Lake.positionsByIdAsDuckDbReadsThem(lake))
                .as("each event id with the positions of its lines")
                .isEqualTo(expected);
        try (Stream<Path> all = Files.walk(lake)) {
            assertThat(all.filter(Files::isRegularFile)
                            .map(path -> path.getFileName().toString()))
                    .as("nothing staged is left")
                    .allMatch(name -> name.equals(MARKER) || name.endsWith(".jsonl") && !name.startsWith("."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(store.queryForList("SELECT file_name FROM lake_file", String.class))
                .containsExactlyInAnyOrderElementsOf(Lake.read(lake).files().keySet());
    }
}
