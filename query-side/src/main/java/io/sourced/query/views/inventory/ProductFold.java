package io.sourced.query.views.inventory;

import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.ProductRestockedEvent;
import io.sourced.api.inventory.ProductView;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.StockReleasedEvent;
import io.sourced.api.inventory.StockReservedEvent;

/**
 * How a product's view follows its events: the one fold that both keeps the live view and answers "as of"
 * questions from the event log. Null stands for "not registered yet"; events it does not know change nothing.
 */
final class ProductFold {

    private ProductFold() {}

    static ProductView apply(ProductView product, Object event) {
        if (event instanceof ProductRegisteredEvent registered) {
            return product != null
                    ? product
                    : new ProductView(
                            registered.productId(),
                            registered.name(),
                            registered.price(),
                            registered.initialStock(),
                            0,
                            0,
                            registered.category());
        }
        if (product == null) {
            return null;
        }
        if (event instanceof ProductRestockedEvent restocked) {
            return move(product, restocked.quantity(), 0, 0);
        }
        if (event instanceof StockReservedEvent reserved) {
            return move(product, -reserved.quantity(), reserved.quantity(), 0);
        }
        if (event instanceof StockReleasedEvent released) {
            return move(product, released.quantity(), -released.quantity(), 0);
        }
        if (event instanceof ReservationConfirmedEvent confirmed) {
            return move(product, 0, -confirmed.quantity(), confirmed.quantity());
        }
        return product;
    }

    private static ProductView move(ProductView p, int available, int reserved, int sold) {
        return new ProductView(
                p.productId(),
                p.name(),
                p.price(),
                p.available() + available,
                p.reserved() + reserved,
                p.sold() + sold,
                p.category());
    }
}
