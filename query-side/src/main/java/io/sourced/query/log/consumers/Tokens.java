package io.sourced.query.log.consumers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Consumers' bearer tokens: 256 random bits, kept only as their SHA-256. A fast hash is enough, and a slow one
 * (BCrypt) would be wrong here: slowness protects guessable passwords from a stolen table, but no one guesses 256
 * random bits, and the hash is computed on every feed request (docs/operations.md).
 */
final class Tokens {

    static final String PREFIX = "sct_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    static String newToken() {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
