package io.sourced.command.refusal;

/** The command is well formed but a business rule refuses it, e.g. a withdrawal beyond the balance. */
public class UnprocessableRefusal extends Refusal {

    public UnprocessableRefusal(String message) {
        super(message);
    }
}
