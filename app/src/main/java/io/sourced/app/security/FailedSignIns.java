package io.sourced.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per username: after {@code max-failures} within {@code window}, the username is locked out for
 * {@code lockout}, whatever password comes; a success resets the count. Kept in this process's memory: each replica
 * counts on its own, and a restart forgets.
 */
@Component
class FailedSignIns {

    /** Beyond this many usernames tracked, expired entries are dropped, so a spray of names cannot fill memory. */
    private static final int PRUNE_ABOVE = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, Attempts> byUsername = new ConcurrentHashMap<>();

    @Autowired
    FailedSignIns(
            @Value("${sourced.security.sign-in.max-failures:5}") int maxFailures,
            @Value("${sourced.security.sign-in.window:5m}") Duration window,
            @Value("${sourced.security.sign-in.lockout:5m}") Duration lockout) {
        this(maxFailures, window, lockout, Clock.systemUTC());
    }

    FailedSignIns(int maxFailures, Duration window, Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** How long the username stays locked out, if it is. */
    Optional<Duration> lockedFor(String username) {
        Attempts attempts = byUsername.get(key(username));
        if (attempts == null) {
            return Optional.empty();
        }
        synchronized (attempts) {
            Instant now = clock.instant();
            if (attempts.lockedUntil != null && now.isBefore(attempts.lockedUntil)) {
                return Optional.of(Duration.between(now, attempts.lockedUntil));
            }
            return Optional.empty();
        }
    }

    void failed(String username) {
        Instant now = clock.instant();
        if (byUsername.size() > PRUNE_ABOVE) {
            byUsername.entrySet().removeIf(entry -> entry.getValue().expired(now, window));
        }
        Attempts attempts = byUsername.computeIfAbsent(key(username), name -> new Attempts());
        synchronized (attempts) {
            while (!attempts.failures.isEmpty()
                    && !attempts.failures.peekFirst().isAfter(now.minus(window))) {
                attempts.failures.removeFirst();
            }
            attempts.failures.addLast(now);
            if (attempts.failures.size() >= maxFailures) {
                attempts.lockedUntil = now.plus(lockout);
                attempts.failures.clear();
            }
        }
    }

    void succeeded(String username) {
        byUsername.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }

    private static final class Attempts {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant lockedUntil;

        synchronized boolean expired(Instant now, Duration window) {
            boolean locked = lockedUntil != null && now.isBefore(lockedUntil);
            boolean recent = !failures.isEmpty() && failures.peekLast().isAfter(now.minus(window));
            return !locked && !recent;
        }
    }
}
