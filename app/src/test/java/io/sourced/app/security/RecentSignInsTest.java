package io.sourced.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

class RecentSignInsTest {

    private final Instant now = Instant.parse("2026-11-26T10:00:00Z");
    private final Authentication alice = UsernamePasswordAuthenticationToken.authenticated("alice", null, List.of());

    private RecentSignIns at(Instant instant) {
        return new RecentSignIns(Duration.ofSeconds(60), Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void recall_samePasswordWithinTheWhile_isTheEarlierSignIn() {
        RecentSignIns recent = at(now);
        recent.remember("alice", "alice-password", alice);
        assertThat(recent.recall("alice", "alice-password")).containsSame(alice);
    }

    @Test
    void recall_otherPasswordOrOtherUser_isNothing() {
        RecentSignIns recent = at(now);
        recent.remember("alice", "alice-password", alice);
        assertThat(recent.recall("alice", "guess")).isEmpty();
        assertThat(recent.recall("bob", "alice-password")).isEmpty();
        assertThat(recent.recall("alice", null)).isEmpty();
    }

    @Test
    void recall_afterTheWhile_isNothing() {
        Clock[] clock = {Clock.fixed(now, ZoneOffset.UTC)};
        RecentSignIns recent = new RecentSignIns(Duration.ofSeconds(60), new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock[0].instant();
            }
        });
        recent.remember("alice", "alice-password", alice);
        clock[0] = Clock.fixed(now.plusSeconds(60), ZoneOffset.UTC);
        assertThat(recent.recall("alice", "alice-password")).isEmpty();
    }

    @Test
    void recall_afterAFailedSignIn_isNothing() {
        RecentSignIns recent = at(now);
        recent.remember("alice", "alice-password", alice);
        recent.forget("alice");
        assertThat(recent.recall("alice", "alice-password")).isEmpty();
    }
}
