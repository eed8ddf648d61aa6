package io.sourced.api.ordering;

import io.sourced.api.inventory.ProductId;
import java.math.BigDecimal;

public record OrderLineView(ProductId productId, int quantity, BigDecimal unitPrice) {}
