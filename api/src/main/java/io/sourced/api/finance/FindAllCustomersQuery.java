package io.sourced.api.finance;

public record FindAllCustomersQuery() {}
