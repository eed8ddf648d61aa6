package io.sourced.command;

/** Why a correction was made: asked of whoever makes one, kept in its event for every later reader of the log. */
public final class Reasons {

    public static final int MAX_LENGTH = 500;

    private Reasons() {}

    /** The reason without surrounding blanks; refused when missing, too long, or not plain text. */
    public static String require(String reason) {
        if (reason == null || reason.isBlank()) {
            throw Refused.invalid("reason", "must not be blank");
        }
        PlainText.require("reason", reason);
        String stripped = reason.strip();
        if (stripped.length() > MAX_LENGTH) {
            throw Refused.invalid("reason", "must be at most " + MAX_LENGTH + " characters");
        }
        return stripped;
    }
}
