package io.sourced.query.inventory;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.ProductRestockedEvent;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.StockReleasedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code product_view}: each product's stock as available, reserved and sold. Rejections change nothing. */
@Component
@ProcessingGroup(ProductViewProjector.PROCESSING_GROUP)
class ProductViewProjector {

    static final String PROCESSING_GROUP = "products-view";

    private final JdbcTemplate jdbc;

    ProductViewProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProductRegisteredEvent event) {
        String productId = event.productId().value();
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM product_view WHERE product_id = ?", Integer.class,
                productId);
        if (known != null && known > 0) {
            return;
        }
        jdbc.update("""
                INSERT INTO product_view (product_id, name, price, available, reserved, sold, category)
                VALUES (?, ?, ?, ?, 0, 0, ?)
                """, productId, event.name(), event.price(), event.initialStock(), event.category());
    }

    @EventHandler
    void on(ProductRestockedEvent event) {
        move(event.productId(), event.quantity(), 0, 0);
    }

    @EventHandler
    void on(StockReservedEvent event) {
        move(event.productId(), -event.quantity(), event.quantity(), 0);
    }

    @EventHandler
    void on(StockReleasedEvent event) {
        move(event.productId(), event.quantity(), -event.quantity(), 0);
    }

    @EventHandler
    void on(ReservationConfirmedEvent event) {
        move(event.productId(), 0, -event.quantity(), event.quantity());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM product_view");
    }

    private void move(ProductId productId, int available, int reserved, int sold) {
        jdbc.update("""
                UPDATE product_view
                SET available = available + ?, reserved = reserved + ?, sold = sold + ?
                WHERE product_id = ?
                """, available, reserved, sold, productId.value());
    }
}
