package io.sourced.command.inventory;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

record RegisterProductRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Positive @Digits(integer = 12, fraction = 2) BigDecimal price,
        @NotNull @PositiveOrZero Integer stock) {
}
