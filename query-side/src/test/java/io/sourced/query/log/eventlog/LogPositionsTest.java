package io.sourced.query.log.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

class LogPositionsTest {

    private static GapAwareTrackingToken token(long index, Long... gaps) {
        return GapAwareTrackingToken.newInstance(index, Set.of(gaps));
    }

    @Test
    void eventAdvancingTheToken_isAtTheTokensIndex() {
        assertThat(LogPositions.of(null, token(1))).isEqualTo(1);
        assertThat(LogPositions.of(token(4), token(7, 5L, 6L))).isEqualTo(7);
        assertThat(LogPositions.of(null, new GlobalSequenceTrackingToken(9))).isEqualTo(9);
    }

    @Test
    void eventFillingAGap_isAtTheGapItFilled() {
        assertThat(LogPositions.of(token(7, 5L, 6L), token(7, 6L))).isEqualTo(5);
        assertThat(LogPositions.of(token(7, 5L, 6L), token(7, 5L))).isEqualTo(6);
    }

    @Test
    void processedEventAboveEverythingRecorded_isAtTheTokensIndex() {
        assertThat(LogPositions.inferred(token(7, 5L), 4, position -> position <= 4))
                .isEqualTo(7);
        assertThat(LogPositions.inferred(token(1), -1, position -> false)).isEqualTo(1);
    }

    @Test
    void processedEventFillingAGap_isAtTheHighestPositionNeitherRecordedNorStillAGap() {
        Set<Long> recorded = Set.of(1L, 4L, 7L);
        // 2 rolled back and dropped from the token long ago; 3 and 5 still gaps; 6 is what this event filled
        assertThat(LogPositions.inferred(token(7, 3L, 5L), 7, recorded::contains))
                .isEqualTo(6);
        assertThat(LogPositions.inferred(token(7, 3L, 6L), 7, recorded::contains))
                .isEqualTo(5);
        assertThat(LogPositions.inferred(token(7, 5L, 6L), 7, recorded::contains))
                .isEqualTo(3);
    }

    @Test
    void replayedEvent_isPlacedByItsCurrentToken() {
        var advancing = ReplayToken.createReplayToken(token(20), token(7, 6L));
        var filling = ReplayToken.createReplayToken(token(20), token(7));

        assertThat(LogPositions.inferred(advancing, 4, position -> position <= 4))
                .isEqualTo(7);
        assertThat(LogPositions.inferred(filling, 7, Set.of(1L, 2L, 3L, 4L, 5L, 7L)::contains))
                .isEqualTo(6);
    }

    @Test
    void processedEventWithNoGapToFill_isAnError() {
        assertThatThrownBy(() -> LogPositions.inferred(token(3), 3, position -> true))
                .isInstanceOf(IllegalStateException.class);
    }
}
