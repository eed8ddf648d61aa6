package io.sourced.app.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-ins with a username and password; each process counts and remembers on its own.
 *
 * @param maxFailures      failed sign-ins of one username within {@code window} that lock it out
 * @param window           how long a failed sign-in counts
 * @param lockout          how long a locked-out username is refused, whatever password comes
 * @param trackedUsernames the most usernames whose failed sign-ins are kept at once, so that a spray of names cannot
 *                         fill memory; beyond it, counts that locked nothing out are forgotten before lockouts
 * @param remember         how long a successful sign-in is not checked against the slow password hash again;
 *                         zero: never remembered
 */
@ConfigurationProperties("sourced.security.sign-in")
record SignInSettings(
        @DefaultValue("5") int maxFailures,
        @DefaultValue("5m") Duration window,
        @DefaultValue("5m") Duration lockout,
        @DefaultValue("10000") int trackedUsernames,
        @DefaultValue("60s") Duration remember) {

    SignInSettings {
        if (maxFailures < 1) {
            throw new IllegalArgumentException(
                    "sourced.security.sign-in.max-failures must be 1 or more: " + maxFailures);
        }
        requirePositive("window", window);
        requirePositive("lockout", lockout);
        if (trackedUsernames < 1) {
            throw new IllegalArgumentException(
                    "sourced.security.sign-in.tracked-usernames must be 1 or more: " + trackedUsernames);
        }
        if (remember == null || remember.isNegative()) {
            throw new IllegalArgumentException("sourced.security.sign-in.remember must not be negative: " + remember);
        }
    }

    private static void requirePositive(String name, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("sourced.security.sign-in." + name + " must be positive: " + duration);
        }
    }
}
