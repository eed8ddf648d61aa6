package io.sourced.api.inventory;

public record FindProductQuery(ProductId productId) {}
