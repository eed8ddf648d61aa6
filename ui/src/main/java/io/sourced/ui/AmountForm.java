package io.sourced.ui;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/** An amount of money typed into a form: the same rule as everywhere, more than 0, at most 2 decimals. */
public class AmountForm {

    @NotNull(message = "is required")
    @Positive(message = "must be greater than 0")
    @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimals")
    private BigDecimal amount;

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }
}
