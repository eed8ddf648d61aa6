package io.sourced.ui;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A new product: the same rules as the API's. */
public class ProductForm {

    @NotBlank(message = "is required")
    @Size(max = 200, message = "must be at most 200 characters")
    private String name;

    @NotNull(message = "is required")
    @Positive(message = "must be greater than 0")
    @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimals")
    private BigDecimal price;

    @NotNull(message = "is required")
    @PositiveOrZero(message = "must not be negative")
    @Max(value = 1_000_000, message = "must be at most 1000000")
    private Integer stock = 0;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public Integer getStock() {
        return stock;
    }

    public void setStock(Integer stock) {
        this.stock = stock;
    }
}
