package io.sourced.query.views.inventory;

import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.ProductRestockedEvent;
import io.sourced.api.inventory.ProductView;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.ReturnedStockReleasedEvent;
import io.sourced.api.inventory.StockReleasedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.inventory.StockReturnCancelledEvent;
import io.sourced.api.inventory.StockReturnedEvent;
import io.sourced.api.inventory.StockWrittenOffEvent;
import io.sourced.query.AsOf;
import io.sourced.query.Fold;
import java.time.Instant;

/**
 * How a product's view follows its events: the one fold that both keeps the live view and answers "as of"
 * questions from the event log. Null stands for "not registered yet"; events it does not know change nothing.
 */
final class ProductFold {

    private static final Fold<ProductView> FOLD = Fold.<ProductView>of()
            .startedBy(
                    ProductRegisteredEvent.class,
                    (registered, at) -> new ProductView(
                            registered.productId(),
                            registered.name(),
                            registered.price(),
                            registered.initialStock(),
                            0,
                            0,
                            registered.category()))
            .on(ProductRestockedEvent.class, (product, restocked, at) -> move(product, restocked.quantity(), 0, 0))
            .on(
                    StockReservedEvent.class,
                    (product, reserved, at) -> move(product, -reserved.quantity(), reserved.quantity(), 0))
            .on(
                    StockReleasedEvent.class,
                    (product, released, at) -> move(product, released.quantity(), -released.quantity(), 0))
            .on(
                    ReservationConfirmedEvent.class,
                    (product, confirmed, at) -> move(product, 0, -confirmed.quantity(), confirmed.quantity()))
            .on(StockWrittenOffEvent.class, (product, writtenOff, at) -> move(product, -writtenOff.quantity(), 0, 0))
            // returned units are held among the reserved ones until their return is refunded (available) or fails
            .on(
                    StockReturnedEvent.class,
                    (product, returned, at) -> move(product, 0, returned.quantity(), -returned.quantity()))
            .on(
                    ReturnedStockReleasedEvent.class,
                    (product, released, at) -> move(product, released.quantity(), -released.quantity(), 0))
            .on(
                    StockReturnCancelledEvent.class,
                    (product, cancelled, at) -> move(product, 0, -cancelled.quantity(), cancelled.quantity()));

    /** As "as of" reads run it; a change to the fold above takes a new name (see {@link AsOf.Folding}). */
    static final AsOf.Folding<ProductView> AS_OF =
            new AsOf.Folding<>("product-view-3", ProductView.class, ProductFold::apply);

    private ProductFold() {}

    static ProductView apply(ProductView product, Object event) {
        return FOLD.apply(product, event, Instant.EPOCH);
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
