package io.sourced.api.finance;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AccountOpenedEvent(CustomerId customerId, String name) implements CustomerScoped {}
