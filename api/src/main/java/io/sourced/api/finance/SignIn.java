package io.sourced.api.finance;

import java.nio.charset.StandardCharsets;

/** A customer's sign-in, created with the account; the password is hashed where it is kept, never in an event. */
public record SignIn(String username, String password) {

    /** BCrypt, which hashes the passwords, reads no more of one than this: a longer one is refused, never cut short. */
    public static final int MAX_PASSWORD_BYTES = 72;

    public static final String PASSWORD_LIMIT = "at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8";

    /** Counted in bytes, not characters: an accented letter or a symbol takes more than one. */
    public static boolean fitsTheHash(String password) {
        return password == null || password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }

    @Override
    public String toString() {
        return "SignIn[username=" + username + ", password=***]";
    }
}
