package io.sourced.command.inventory;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

record RestockRequest(@NotNull @Min(1) Integer quantity) {}
