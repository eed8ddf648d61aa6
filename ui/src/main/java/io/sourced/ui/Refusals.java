package io.sourced.ui;

import io.sourced.api.refusal.Refusal;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;

/** Runs a command for a form; a refusal of the domain comes back as what to show the user. */
final class Refusals {

    private Refusals() {}

    /** Null when the command was accepted, else the refusal in words. */
    static String refusalOf(Runnable command) {
        return refused(command).map(refusal -> sentence(refusal.detail())).orElse(null);
    }

    /** Empty when the command was accepted; a failure that is not a refusal goes on up. */
    static Optional<Refusal> refused(Runnable command) {
        try {
            command.run();
            return Optional.empty();
        } catch (CommandExecutionException failure) {
            return Optional.of(Refusal.of(failure).orElseThrow(() -> failure));
        }
    }

    static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "was refused";
        }
        return Character.toUpperCase(message.charAt(0)) + message.substring(1) + (message.endsWith(".") ? "" : ".");
    }
}
