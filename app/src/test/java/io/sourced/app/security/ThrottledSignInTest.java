package io.sourced.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

class ThrottledSignInTest {

    private final SignInSettings settings =
            new SignInSettings(5, Duration.ofMinutes(5), Duration.ofMinutes(5), 10_000, Duration.ofSeconds(60));
    private final FailedSignIns failures = new FailedSignIns(settings, Clock.systemUTC());
    private final List<String> lookedUp = new ArrayList<>();
    private final ThrottledSignIn signIn = new ThrottledSignIn(
            new DaoAuthenticationProvider(username -> {
                lookedUp.add(username);
                throw new UsernameNotFoundException("no sign-in");
            }),
            failures,
            new RecentSignIns(settings.remember(), Clock.systemUTC()));

    @Test
    void signIn_usernameLongerThanAnySignInHas_isRefusedUnlookedAndUncounted() {
        String sprayed = "x".repeat(SignInStore.MAX_USERNAME_LENGTH + 1);

        assertThatThrownBy(
                        () -> signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(sprayed, "pw")))
                .isInstanceOf(BadCredentialsException.class);

        assertThat(lookedUp).isEmpty();
        assertThat(failures.usernamesTracked()).isZero();
    }

    @Test
    void signIn_unknownUsernameOfAPossibleLength_isLookedUpAndCounted() {
        String unknown = "x".repeat(SignInStore.MAX_USERNAME_LENGTH);

        assertThatThrownBy(
                        () -> signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(unknown, "pw")))
                .isInstanceOf(BadCredentialsException.class);

        assertThat(lookedUp).containsExactly(unknown);
        assertThat(failures.usernamesTracked()).isOne();
    }
}
