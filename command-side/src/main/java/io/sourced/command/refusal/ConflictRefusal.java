package io.sourced.command.refusal;

/** The command clashes with the current state, e.g. cancelling an order that is no longer pending. */
public class ConflictRefusal extends Refusal {

    public ConflictRefusal(String message) {
        super(message);
    }
}
