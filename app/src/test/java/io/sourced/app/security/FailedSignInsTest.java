package io.sourced.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FailedSignInsTest {

    private final MovableClock clock = new MovableClock();
    private final FailedSignIns signIns = new FailedSignIns(5, Duration.ofMinutes(5), Duration.ofMinutes(5), clock);

    @Test
    void fifthFailureWithinTheWindow_locksTheUsernameForTheLockout() {
        fail("bob", 4);
        assertThat(signIns.lockedFor("bob")).isEmpty();

        fail("bob", 1);

        assertThat(signIns.lockedFor("bob")).contains(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(signIns.lockedFor("BOB")).isPresent();
        assertThat(signIns.lockedFor("alice")).isEmpty();
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(signIns.lockedFor("bob")).isEmpty();
    }

    @Test
    void failuresOlderThanTheWindow_doNotCount() {
        fail("bob", 4);
        clock.advance(Duration.ofMinutes(5));

        fail("bob", 4);

        assertThat(signIns.lockedFor("bob")).isEmpty();
    }

    @Test
    void success_resetsTheCount() {
        fail("bob", 4);
        signIns.succeeded("bob");

        fail("bob", 4);

        assertThat(signIns.lockedFor("bob")).isEmpty();
    }

    private void fail(String username, int times) {
        for (int i = 0; i < times; i++) {
            signIns.failed(username);
            clock.advance(Duration.ofSeconds(1));
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-26T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
