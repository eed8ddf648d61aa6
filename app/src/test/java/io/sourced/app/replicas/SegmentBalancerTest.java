package io.sourced.app.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentBalancerTest {

    @Test
    void fairShare_roundsUpSoThatEverySegmentIsHeld() {
        assertThat(SegmentBalancer.fairShare(4, 1)).isEqualTo(4);
        assertThat(SegmentBalancer.fairShare(4, 2)).isEqualTo(2);
        assertThat(SegmentBalancer.fairShare(4, 3)).isEqualTo(2);
        assertThat(SegmentBalancer.fairShare(1, 2)).isEqualTo(1);
        assertThat(SegmentBalancer.fairShare(4, 0))
                .as("no replica registered yet")
                .isEqualTo(4);
    }

    @Test
    void toRelease_holdingMoreThanTheShare_givesUpTheHighestSegments() {
        assertThat(SegmentBalancer.toRelease(List.of(3, 0, 2, 1), 2)).containsExactly(2, 3);
    }

    @Test
    void toRelease_withinTheShare_keepsEverything() {
        assertThat(SegmentBalancer.toRelease(List.of(0, 1), 2)).isEmpty();
        assertThat(SegmentBalancer.toRelease(List.of(), 2)).isEmpty();
    }
}
