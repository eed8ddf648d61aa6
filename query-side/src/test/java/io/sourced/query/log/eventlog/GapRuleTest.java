package io.sourced.query.log.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.query.log.eventlog.GapRule.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GapRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static Verdict judge(long previous, long position, Set<Long> gaps, Duration age) {
        return GapRule.judge(previous, position, gaps, NOW.minus(age), NOW, TIMEOUT);
    }

    @Test
    void nextEvent_withoutAGapBeforeIt_isServed() {
        assertThat(judge(4, 5, Set.of(), Duration.ZERO)).isEqualTo(Verdict.SERVE);
        assertThat(judge(-1, 1, Set.of(), Duration.ZERO)).isEqualTo(Verdict.SERVE);
    }

    @Test
    void nextEvent_afterAYoungGap_stopsThePage() {
        assertThat(judge(4, 6, Set.of(5L), Duration.ofSeconds(9))).isEqualTo(Verdict.STOP);
        assertThat(judge(-1, 3, Set.of(1L, 2L), Duration.ZERO)).isEqualTo(Verdict.STOP);
    }

    @Test
    void nextEvent_afterAGapOlderThanTheTimeout_isServed() {
        assertThat(judge(4, 6, Set.of(5L), Duration.ofSeconds(11))).isEqualTo(Verdict.SERVE);
    }

    @Test
    void nextEvent_withGapsOnlyBelowWhatWasServed_isServed() {
        assertThat(judge(7, 8, Set.of(3L, 5L), Duration.ZERO)).isEqualTo(Verdict.SERVE);
        assertThat(judge(7, 8, Set.of(7L), Duration.ZERO)).isEqualTo(Verdict.SERVE);
    }

    @Test
    void nextEvent_atOrBelowWhatWasServed_isSkipped() {
        assertThat(judge(7, 7, Set.of(), Duration.ZERO)).isEqualTo(Verdict.SKIP);
        assertThat(judge(7, 5, Set.of(6L), Duration.ZERO)).isEqualTo(Verdict.SKIP);
    }
}
