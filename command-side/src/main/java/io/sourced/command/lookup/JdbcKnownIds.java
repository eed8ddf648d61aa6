package io.sourced.command.lookup;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

@Component
class JdbcKnownIds implements KnownIds {

    private final NamedParameterJdbcTemplate jdbc;

    JdbcKnownIds(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean customerExists(CustomerId customerId) {
        Integer count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM known_customer WHERE customer_id = :id",
                Map.of("id", customerId.value()),
                Integer.class);
        return count != null && count > 0;
    }

    @Override
    public Set<ProductId> unknownProducts(Collection<ProductId> productIds) {
        if (productIds.isEmpty()) {
            return Set.of();
        }
        Set<String> wanted = productIds.stream().map(ProductId::value).collect(Collectors.toSet());
        Set<String> known = new HashSet<>(jdbc.queryForList(
                "SELECT product_id FROM known_product WHERE product_id IN (:ids)",
                Map.of("ids", wanted),
                String.class));
        return productIds.stream()
                .filter(id -> !known.contains(id.value()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
