package io.sourced.command.inventory;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

record WriteOffRequest(
        @NotNull @Min(1) Integer quantity, @NotBlank String reason) {}
