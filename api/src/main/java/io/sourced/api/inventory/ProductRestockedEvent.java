package io.sourced.api.inventory;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ProductRestockedEvent(ProductId productId, int quantity) implements ProductScoped {}
