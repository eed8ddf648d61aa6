package io.sourced.command;

/**
 * Names people type: control characters (NUL, line breaks, escapes) are refused before they reach an event,
 * since every consumer of the log — PostgreSQL text columns first of all — would have to cope with them forever.
 */
public final class PlainText {

    private PlainText() {}

    public static String require(String field, String value) {
        if (value != null && value.codePoints().anyMatch(Character::isISOControl)) {
            throw Refused.invalid(field, "must not contain control characters");
        }
        return value;
    }
}
