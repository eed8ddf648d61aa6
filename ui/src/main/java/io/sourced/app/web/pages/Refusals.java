package io.sourced.app.web.pages;

import io.sourced.command.refusal.Refusal;
import org.axonframework.commandhandling.CommandExecutionException;


/** Runs a command for a form; a refusal of the domain comes back as the message to show the user. */
final class Refusals {

    private Refusals() {
    }

    /** Null when the command was accepted, else the refusal in words. */
    static String refusalOf(Runnable command) {
        try {
            command.run();
            return null;
        } catch (Refusal refusal) {
            return sentence(refusal.getMessage());
        } catch (CommandExecutionException wrapped) {
            if (wrapped.getCause() instanceof Refusal refusal) {
                return sentence(refusal.getMessage());
            }
            throw wrapped;
        }
    }

    static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "was refused";
        }
        return Character.toUpperCase(message.charAt(0)) + message.substring(1) + (message.endsWith(".") ? "" : ".");
    }
}
