package io.sourced.command.ordering;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.command.lookup.KnownIds;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

class FakeKnownIds implements KnownIds {

    private final Set<CustomerId> customers;
    private final Set<ProductId> products;

    FakeKnownIds(Set<CustomerId> customers, Set<ProductId> products) {
        this.customers = customers;
        this.products = products;
    }

    @Override
    public boolean customerExists(CustomerId customerId) {
        return customers.contains(customerId);
    }

    @Override
    public Set<ProductId> unknownProducts(Collection<ProductId> productIds) {
        return productIds.stream()
                .filter(id -> !products.contains(id))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
