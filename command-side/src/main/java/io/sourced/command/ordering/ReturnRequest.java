package io.sourced.command.ordering;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.OrderLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The units of an accepted order to return, and why. */
record ReturnRequest(
        @NotEmpty List<@NotNull @Valid Line> lines,
        @NotBlank String reason) {

    record Line(
            @NotNull ProductId productId, @NotNull @Min(1) Integer quantity) {

        OrderLine toOrderLine() {
            return new OrderLine(productId, quantity);
        }
    }
}
