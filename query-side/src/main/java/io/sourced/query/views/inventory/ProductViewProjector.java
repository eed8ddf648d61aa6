package io.sourced.query.views.inventory;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.ProductRestockedEvent;
import io.sourced.api.inventory.ProductScoped;
import io.sourced.api.inventory.ProductView;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.StockReleasedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.query.BatchScope;
import io.sourced.query.FoldedRows;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code product_view} with {@link ProductFold}, a processor batch's changes written together. Each row
 * remembers the last event of its product it applied, so an event delivered again (a retried dead letter) is applied
 * once.
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
        fold(event, sequence);
    }

    @EventHandler
    void on(ProductRestockedEvent event, @SequenceNumber long sequence) {
        fold(event, sequence);
    }

    @EventHandler
    void on(StockReservedEvent event, @SequenceNumber long sequence) {
        fold(event, sequence);
    }

    @EventHandler
    void on(StockReleasedEvent event, @SequenceNumber long sequence) {
        fold(event, sequence);
    }

    @EventHandler
    void on(ReservationConfirmedEvent event, @SequenceNumber long sequence) {
        fold(event, sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM product_view");
    }

    private void fold(ProductScoped event, long sequence) {
        BatchScope.within(
                this,
                () -> new FoldedRows<>(rows::version, id -> rows.find(id).orElseThrow()),
                this::write,
                changes -> changes.fold(event.productId(), sequence, current -> ProductFold.apply(current, event)));
    }

    private void write(FoldedRows<ProductId, ProductView> changes) {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        changes.changed().forEach((productId, changed) -> {
            ProductView view = changed.row();
            if (changed.stored()) {
                updates.add(new Object[] {
                    view.name(),
                    view.price(),
                    view.available(),
                    view.reserved(),
                    view.sold(),
                    view.category(),
                    changed.version(),
                    productId.value()
                });
            } else {
                inserts.add(new Object[] {
                    productId.value(),
                    view.name(),
                    view.price(),
                    view.available(),
                    view.reserved(),
                    view.sold(),
                    view.category(),
                    changed.version()
                });
            }
        });
        jdbc.batchUpdate("""
                INSERT INTO product_view (product_id, name, price, available, reserved, sold, category, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", inserts);
        jdbc.batchUpdate("""
                UPDATE product_view SET name = ?, price = ?, available = ?, reserved = ?, sold = ?, category = ?,
                    version = ?
                WHERE product_id = ?""", updates);
    }
}
