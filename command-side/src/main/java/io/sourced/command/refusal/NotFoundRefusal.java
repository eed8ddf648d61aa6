package io.sourced.command.refusal;

/** The command names something that does not exist, or that the sender may not know of. */
public class NotFoundRefusal extends Refusal {

    public NotFoundRefusal(String message) {
        super(message);
    }
}
