package io.sourced.command.finance;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

record AmountRequest(@NotNull @Positive @Digits(integer = 12, fraction = 2) BigDecimal amount) {
}
