package io.sourced.command.inventory;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

record RegisterProductRequest(
        @NotBlank @Size(max = 200) String name,

        @NotNull @Positive @Digits(integer = 12, fraction = 2)
        BigDecimal price,

        @NotNull @PositiveOrZero Integer stock,

        @Schema(
                description = "The shop's aisle; \"Uncategorised\" when left out",
                example = "Peripherals",
                maxLength = Product.MAX_CATEGORY_LENGTH,
                requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        @Size(max = Product.MAX_CATEGORY_LENGTH)
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String category) {}
