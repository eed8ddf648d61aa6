package io.sourced.ui;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A number of units to add to a product's stock. */
public class QuantityForm {

    @NotNull(message = "is required")
    @Min(value = 1, message = "must be at least 1")
    @Max(value = 1_000_000, message = "must be at most 1000000")
    private Integer quantity;

    public Integer getQuantity() {
        return quantity;
    }

    public void setQuantity(Integer quantity) {
        this.quantity = quantity;
    }
}
