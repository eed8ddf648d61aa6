package io.sourced.app.security;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/** The username is locked out after too many failed sign-ins; the right password does not help until it ends. */
final class TooManyFailedSignIns extends LockedException {

    private final Duration retryAfter;

    TooManyFailedSignIns(Duration retryAfter) {
        super("Too many failed sign-ins; try again later.");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, for a {@code Retry-After} header. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
