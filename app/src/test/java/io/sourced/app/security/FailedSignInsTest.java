package io.sourced.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FailedSignInsTest {

    private final MovableClock clock = new MovableClock();
    private final FailedSignIns signIns = trackingAtMost(10_000);

    private FailedSignIns trackingAtMost(int usernames) {
        return new FailedSignIns(
                new SignInSettings(5, Duration.ofMinutes(5), Duration.ofMinutes(5), usernames, Duration.ofSeconds(60)),
                clock);
    }

    @Test
    void fifthFailureWithinTheWindow_locksTheUsernameForTheLockout() {
        fail("bob", 4);
        assertThat(signIns.lockedFor("bob")).isEmpty();

        fail("bob", 1);

        assertThat(signIns.lockedFor("bob")).contains(Duration.ofMinutes(5).minusSeconds(1));
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

    /** Sign-ins tell {@code Admin} from {@code admin}, so their lockouts do too. */
    @Test
    void lockout_isTheUsernameAsSpelt_caseIncluded() {
        fail("admin", 5);

        assertThat(signIns.lockedFor("admin")).isPresent();
        assertThat(signIns.lockedFor("Admin")).isEmpty();
        assertThat(signIns.lockedFor("ADMIN")).isEmpty();
    }

    @Test
    void sprayOfUsernames_keepsNoMoreThanTheBound_andTheLockoutsAmongThem() {
        FailedSignIns bounded = trackingAtMost(3);
        fail(bounded, "bob", 5);

        for (int i = 0; i < 1_000; i++) {
            bounded.failed("sprayed-" + i);
        }

        assertThat(bounded.usernamesTracked()).isLessThanOrEqualTo(3);
        assertThat(bounded.lockedFor("bob")).isPresent();
    }

    @Test
    void lockoutsBeyondTheBound_forgetTheOneEndingSoonest() {
        FailedSignIns bounded = trackingAtMost(2);
        fail(bounded, "alice", 5);
        fail(bounded, "bob", 5);

        fail(bounded, "carol", 5);

        assertThat(bounded.usernamesTracked()).isEqualTo(2);
        assertThat(bounded.lockedFor("alice")).isEmpty();
        assertThat(bounded.lockedFor("bob")).isPresent();
        assertThat(bounded.lockedFor("carol")).isPresent();
    }

    private void fail(String username, int times) {
        fail(signIns, username, times);
    }

    private void fail(FailedSignIns failures, String username, int times) {
        for (int i = 0; i < times; i++) {
            failures.failed(username);
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
