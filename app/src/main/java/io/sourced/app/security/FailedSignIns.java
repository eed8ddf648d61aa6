package io.sourced.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per username, spelt as the sign-in table spells it (case included): after {@code max-failures}
 * within {@code window}, the username is locked out for {@code lockout}, whatever password comes; a success resets the
 * count. Kept in this process's memory for at most {@code tracked-usernames} names ({@link SignInSettings}): each
 * replica counts on its own, and a restart forgets.
 */
@Component
class FailedSignIns {

    private static final Comparator<Attempts> SOONEST_UNLOCKED = Comparator.comparing(Attempts::lockedUntil);

    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;
    private final int trackedUsernames;
    private final Clock clock;
    private final Map<String, Attempts> byUsername = new ConcurrentHashMap<>();

    @Autowired
    FailedSignIns(SignInSettings settings) {
        this(settings, Clock.systemUTC());
    }

    FailedSignIns(SignInSettings settings, Clock clock) {
        this.maxFailures = settings.maxFailures();
        this.window = settings.window();
        this.lockout = settings.lockout();
        this.trackedUsernames = settings.trackedUsernames();
        this.clock = clock;
    }

    /** How long the username stays locked out, if it is. */
    Optional<Duration> lockedFor(String username) {
        Attempts attempts = byUsername.get(key(username));
        return attempts == null ? Optional.empty() : attempts.lockedFor(clock.instant());
    }

    void failed(String username) {
        Instant now = clock.instant();
        Attempts attempts = byUsername.get(key(username));
        if (attempts == null) {
            makeRoom(now);
            attempts = byUsername.computeIfAbsent(key(username), name -> new Attempts());
        }
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

    int usernamesTracked() {
        return byUsername.size();
    }

    /**
     * A spray of new names must not fill memory, nor wash away the lockouts of the names under attack: the expired go
     * first, then the counts that locked nothing out, and only then the lockouts that end soonest.
     */
    private void makeRoom(Instant now) {
        if (byUsername.size() < trackedUsernames) {
            return;
        }
        byUsername.values().removeIf(attempts -> attempts.expired(now, window));
        if (byUsername.size() < trackedUsernames) {
            return;
        }
        byUsername.values().removeIf(attempts -> !attempts.locked(now));
        while (byUsername.size() >= trackedUsernames) {
            byUsername.entrySet().stream()
                    .min(Map.Entry.comparingByValue(SOONEST_UNLOCKED))
                    .ifPresent(soonest -> byUsername.remove(soonest.getKey(), soonest.getValue()));
        }
    }

    private static String key(String username) {
        return username == null ? "" : username;
    }

    private static final class Attempts {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant lockedUntil = Instant.MIN;

        synchronized boolean locked(Instant now) {
            return now.isBefore(lockedUntil);
        }

        synchronized Optional<Duration> lockedFor(Instant now) {
            return locked(now) ? Optional.of(Duration.between(now, lockedUntil)) : Optional.empty();
        }

        synchronized Instant lockedUntil() {
            return lockedUntil;
        }

        synchronized boolean expired(Instant now, Duration window) {
            boolean recent = !failures.isEmpty() && failures.peekLast().isAfter(now.minus(window));
            return !locked(now) && !recent;
        }
    }
}
