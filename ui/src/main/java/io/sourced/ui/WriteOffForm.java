package io.sourced.ui;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Units to take out of a product's available stock for good, and why. */
public class WriteOffForm {

    @NotNull(message = "is required")
    @Min(value = 1, message = "must be at least 1")
    private Integer quantity;

    @NotBlank(message = "is required")
    private String reason;

    public Integer getQuantity() {
        return quantity;
    }

    public void setQuantity(Integer quantity) {
        this.quantity = quantity;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
