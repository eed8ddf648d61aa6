package io.sourced.app.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.core.Authentication;

/**
 * Remembers a successful sign-in for a short while, so that an API client sending HTTP Basic with every request pays
 * the deliberately slow password hash once in that while rather than on each request. Only a keyed hash of the
 * password is kept (the key is random and lives in this process alone); a failed sign-in forgets the username.
 */
final class RecentSignIns {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(byte[] passwordDigest, Authentication authentication, Instant expiresAt) {}

    private final Duration remembered;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    RecentSignIns(Duration remembered, Clock clock) {
        this.remembered = remembered;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    Optional<Authentication> recall(String username, String password) {
        Entry entry = entries.get(username);
        if (entry == null
                || password == null
                || !clock.instant().isBefore(entry.expiresAt())
                || !MessageDigest.isEqual(entry.passwordDigest(), digest(username, password))) {
            return Optional.empty();
        }
        return Optional.of(entry.authentication());
    }

    void remember(String username, String password, Authentication authentication) {
        if (remembered.isZero() || password == null) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            entries.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(
                username,
                new Entry(
                        digest(username, password),
                        authentication,
                        clock.instant().plus(remembered)));
    }

    void forget(String username) {
        entries.remove(username);
    }

    private byte[] digest(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
