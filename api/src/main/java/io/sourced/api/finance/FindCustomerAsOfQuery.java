package io.sourced.api.finance;

import java.time.Instant;

/** The customer as it was at {@code asOf}, computed from the event log; empty before it existed. */
public record FindCustomerAsOfQuery(CustomerId customerId, Instant asOf) {}
