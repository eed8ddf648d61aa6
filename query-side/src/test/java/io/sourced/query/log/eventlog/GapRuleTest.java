package io.sourced.query.log.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.sourced.query.log.eventlog.GapRule.Verdict;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GapRuleTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** {@code age}: how long ago the database recorded the event at {@code position}. */
    private static Verdict judge(long previous, long position, Duration age) {
        return GapRule.judge(previous, position, asked -> asked == position ? age : fail("asked " + asked), TIMEOUT);
    }

    private static Verdict judgeAskingNoAge(long previous, long position) {
        return GapRule.judge(previous, position, asked -> fail("asked " + asked), TIMEOUT);
    }

    @Test
    void nextEvent_rightAfterTheLastServed_isServedWithoutAskingItsAge() {
        assertThat(judgeAskingNoAge(4, 5)).isEqualTo(Verdict.SERVE);
    }

    @Test
    void firstEventOfTheLog_isServedWithoutAskingItsAge() {
        assertThat(judgeAskingNoAge(-1, GapRule.FIRST_POSITION)).isEqualTo(Verdict.SERVE);
        assertThat(judgeAskingNoAge(0, GapRule.FIRST_POSITION)).isEqualTo(Verdict.SERVE);
    }

    @Test
    void nextEvent_afterAMissingPositionRecordedLessThanTheTimeoutAgo_stopsThePage() {
        assertThat(judge(4, 6, Duration.ofSeconds(9))).isEqualTo(Verdict.STOP);
        assertThat(judge(-1, 3, Duration.ZERO)).isEqualTo(Verdict.STOP);
    }

    @Test
    void nextEvent_afterAMissingPositionRecordedLongerThanTheTimeoutAgo_isServed() {
        assertThat(judge(4, 6, Duration.ofSeconds(11))).isEqualTo(Verdict.SERVE);
        assertThat(judge(-1, 3, Duration.ofHours(1))).isEqualTo(Verdict.SERVE);
    }

    @Test
    void nextEvent_atOrBelowWhatWasServed_isSkipped() {
        assertThat(judgeAskingNoAge(7, 7)).isEqualTo(Verdict.SKIP);
        assertThat(judgeAskingNoAge(7, 5)).isEqualTo(Verdict.SKIP);
    }
}
