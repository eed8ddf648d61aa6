package io.sourced.command.ordering;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.OrderLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** {@code customerId} may be left out by a customer ordering for themselves. */
record PlaceOrderRequest(CustomerId customerId, @NotEmpty List<@NotNull @Valid Line> lines) {

    record Line(
            @NotNull ProductId productId, @NotNull @Min(1) Integer quantity) {

        OrderLine toOrderLine() {
            return new OrderLine(productId, quantity);
        }
    }
}
