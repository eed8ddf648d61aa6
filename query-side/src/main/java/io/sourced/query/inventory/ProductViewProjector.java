package io.sourced.query.inventory;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.ProductRestockedEvent;
import io.sourced.api.inventory.ProductView;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.StockReleasedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code product_view} with {@link ProductFold}. Each row remembers the last event of its product it
 * applied, so an event delivered again (a retried dead letter) is applied once.
 */
@Component
@ProcessingGroup(ProductViewProjector.PROCESSING_GROUP)
class ProductViewProjector {

    static final String PROCESSING_GROUP = "products-view";

    private final JdbcTemplate jdbc;
    private final ProductViewQueries rows;

    ProductViewProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.rows = new ProductViewQueries(jdbc);
    }

    @EventHandler
    void on(ProductRegisteredEvent event, @SequenceNumber long sequence) {
        fold(event.productId(), event, sequence);
    }

    @EventHandler
    void on(ProductRestockedEvent event, @SequenceNumber long sequence) {
        fold(event.productId(), event, sequence);
    }

    @EventHandler
    void on(StockReservedEvent event, @SequenceNumber long sequence) {
        fold(event.productId(), event, sequence);
    }

    @EventHandler
    void on(StockReleasedEvent event, @SequenceNumber long sequence) {
        fold(event.productId(), event, sequence);
    }

    @EventHandler
    void on(ReservationConfirmedEvent event, @SequenceNumber long sequence) {
        fold(event.productId(), event, sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM product_view");
    }

    private void fold(ProductId productId, Object event, long sequence) {
        Long version = rows.version(productId);
        if (version != null && version >= sequence) {
            return;
        }
        ProductView current = version == null ? null : rows.find(productId).orElseThrow();
        ProductView next = ProductFold.apply(current, event);
        if (next == null) {
            return;
        }
        if (current == null) {
            jdbc.update("""
                    INSERT INTO product_view (product_id, name, price, available, reserved, sold, category, version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", productId.value(), next.name(), next.price(), next.available(),
                    next.reserved(), next.sold(), next.category(), sequence);
        } else {
            jdbc.update("""
                    UPDATE product_view SET name = ?, price = ?, available = ?, reserved = ?, sold = ?, category = ?,
                        version = ?
                    WHERE product_id = ?""", next.name(), next.price(), next.available(), next.reserved(),
                    next.sold(), next.category(), sequence, productId.value());
        }
    }
}
