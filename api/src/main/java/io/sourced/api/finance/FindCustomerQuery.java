package io.sourced.api.finance;

public record FindCustomerQuery(CustomerId customerId) {}
