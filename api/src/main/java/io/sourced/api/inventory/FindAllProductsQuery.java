package io.sourced.api.inventory;

public record FindAllProductsQuery() {}
