package io.sourced.ui;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The shop's order form: a quantity per product (0 = not ordered), and a token minted with the form so
 * that submitting it twice places one order.
 */
public class OrderForm {

    private String token = UUID.randomUUID().toString();
    private List<@Valid Line> lines = new ArrayList<>();

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public List<Line> getLines() {
        return lines;
    }

    public void setLines(List<Line> lines) {
        this.lines = lines;
    }

    boolean ordersSomething() {
        return lines.stream().anyMatch(line -> line.getQuantity() != null && line.getQuantity() > 0);
    }

    public static class Line {

        private String productId;

        @Min(value = 0, message = "must not be negative")
        @Max(value = 9999, message = "must be at most 9999")
        private Integer quantity = 0;

        public Line() {}

        Line(String productId, Integer quantity) {
            this.productId = productId;
            this.quantity = quantity;
        }

        public String getProductId() {
            return productId;
        }

        public void setProductId(String productId) {
            this.productId = productId;
        }

        public Integer getQuantity() {
            return quantity;
        }

        public void setQuantity(Integer quantity) {
            this.quantity = quantity;
        }
    }
}
