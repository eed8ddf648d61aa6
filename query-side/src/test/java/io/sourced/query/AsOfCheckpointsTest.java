package io.sourced.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

class AsOfCheckpointsTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final AsOf.Folding<String> WORDS = new AsOf.Folding<>("words-1", String.class, (s, e) -> s + e);

    private final JdbcTemplate jdbc = ViewDatabase.migrated();
    private final AsOfCheckpoints checkpoints =
            new AsOfCheckpoints(jdbc, Jackson2ObjectMapperBuilder.json().build(), 10);

    @Test
    void newestCovered_isTheHighestSequenceWhoseEventsAreAllUpToTheInstant() {
        checkpoints.save(WORDS, "a", new AsOfCheckpoints.Checkpoint<>(9, AsOfCheckpoints.nanos(T0), "ten"));
        checkpoints.save(
                WORDS, "a", new AsOfCheckpoints.Checkpoint<>(19, AsOfCheckpoints.nanos(T0.plusNanos(1)), "twenty"));

        assertThat(checkpoints.newestCovered(WORDS, "a", T0.minusNanos(1))).isEmpty();
        assertThat(checkpoints.newestCovered(WORDS, "a", T0))
                .hasValueSatisfying(c -> assertThat(c.view()).isEqualTo("ten"));
        assertThat(checkpoints.newestCovered(WORDS, "a", Instant.MAX))
                .hasValueSatisfying(c -> assertThat(c.sequence()).isEqualTo(19));
        assertThat(checkpoints.newestCovered(WORDS, "b", Instant.MAX)).isEmpty();
        assertThat(checkpoints.newestCovered(
                        new AsOf.Folding<>("words-2", String.class, WORDS.step()), "a", Instant.MAX))
                .isEmpty();
    }

    @Test
    void save_ofACheckpointAlreadySaved_keepsTheFirst() {
        checkpoints.save(WORDS, "a", new AsOfCheckpoints.Checkpoint<>(9, AsOfCheckpoints.nanos(T0), "ten"));
        checkpoints.save(WORDS, "a", new AsOfCheckpoints.Checkpoint<>(9, AsOfCheckpoints.nanos(T0), "ten"));

        assertThat(ViewDatabase.count(jdbc, "as_of_checkpoint")).isEqualTo(1);
    }

    @Test
    void nanos_ofInstantsBeyondALong_holdAtItsEnds() {
        assertThat(AsOfCheckpoints.nanos(Instant.MAX)).isEqualTo(Long.MAX_VALUE);
        assertThat(AsOfCheckpoints.nanos(Instant.MIN)).isEqualTo(Long.MIN_VALUE);
        assertThat(AsOfCheckpoints.nanos(T0.plusNanos(7)) - AsOfCheckpoints.nanos(T0))
                .isEqualTo(7);
    }
}
