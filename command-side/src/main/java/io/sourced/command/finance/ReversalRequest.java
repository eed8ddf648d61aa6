package io.sourced.command.finance;

import jakarta.validation.constraints.NotBlank;

record ReversalRequest(@NotBlank String reason) {}
