package io.sourced.command;

import java.math.BigDecimal;

/** The one rule every amount of money obeys, wherever it enters the command side. */
public final class Amounts {

    public static final String RULE = "must be greater than 0 with at most 2 decimals";

    private Amounts() {}

    public static boolean isValid(BigDecimal amount) {
        return amount != null
                && amount.signum() > 0
                && amount.stripTrailingZeros().scale() <= 2;
    }
}
