package io.sourced.api.inventory;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * A product joined the shop. Revision 2 added {@code category}, the shop's aisle (e.g. "Peripherals");
 * revision 1 events are read as {@value #UNCATEGORISED} (upcast by the inventory team on read).
 */
@Revision("2")
public record ProductRegisteredEvent(
        ProductId productId, String name, BigDecimal price, int initialStock, String category)
        implements ProductScoped {

    /** The category of a product registered without one, and of every revision 1 event. */
    public static final String UNCATEGORISED = "Uncategorised";

    /** An uncategorised product, as revision 1 recorded every product. */
    public ProductRegisteredEvent(ProductId productId, String name, BigDecimal price, int initialStock) {
        this(productId, name, price, initialStock, UNCATEGORISED);
    }
}
