package io.sourced.command.refusal;

/** A command the domain refuses; each kind says why, the web layer turns it into a problem detail. */
public abstract class Refusal extends RuntimeException {

    protected Refusal(String message) {
        super(message);
    }
}
