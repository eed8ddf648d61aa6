package io.sourced.api.finance;

import java.math.BigDecimal;

public record CustomerView(CustomerId customerId, String name, BigDecimal balance) {}
