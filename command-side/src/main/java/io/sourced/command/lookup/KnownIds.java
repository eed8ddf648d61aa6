package io.sourced.command.lookup;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import java.util.Collection;
import java.util.Set;

/**
 * Which customers and products exist, read in the command's own transaction: a command handler
 * receives it as a parameter to check the ids a command names across aggregates.
 */
public interface KnownIds {

    boolean customerExists(CustomerId customerId);

    /** The given products that do not exist, in the given order; empty when all exist. */
    Set<ProductId> unknownProducts(Collection<ProductId> productIds);
}
