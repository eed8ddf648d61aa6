package io.sourced.command.refusal;

/** The command carries a value no state could ever accept: {@code field} {@code rule}. */
public class InvalidRefusal extends Refusal {

    private final String field;
    private final String rule;

    public InvalidRefusal(String field, String rule) {
        super(field + " " + rule);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
