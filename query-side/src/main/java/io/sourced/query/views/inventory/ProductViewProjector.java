package io.sourced.query.views.inventory;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.ProductRestockedEvent;
import io.sourced.api.inventory.ProductScoped;
import io.sourced.api.inventory.ProductView;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.ReturnedStockReleasedEvent;
import io.sourced.api.inventory.StockReleasedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.inventory.StockReturnCancelledEvent;
import io.sourced.api.inventory.StockReturnedEvent;
import io.sourced.api.inventory.StockWrittenOffEvent;
import io.sourced.batching.BatchScope;
import io.sourced.query.FoldedRows;
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

    private final ProductViewRows rows;
    private final BatchScope<FoldedRows<ProductId, ProductView>> batch;

    ProductViewProjector(JdbcTemplate jdbc) {
        ProductViewQueries queries = new ProductViewQueries(jdbc);
        this.rows = new ProductViewRows(jdbc);
        this.batch = BatchScope.of(
                () -> new FoldedRows<>(queries::version, id -> queries.find(id).orElseThrow()), rows::save);
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

    @EventHandler
    void on(StockWrittenOffEvent event, @SequenceNumber long sequence) {
        fold(event, sequence);
    }

    @EventHandler
    void on(StockReturnedEvent event, @SequenceNumber long sequence) {
        fold(event, sequence);
    }

    @EventHandler
    void on(ReturnedStockReleasedEvent event, @SequenceNumber long sequence) {
        fold(event, sequence);
    }

    @EventHandler
    void on(StockReturnCancelledEvent event, @SequenceNumber long sequence) {
        fold(event, sequence);
    }

    @ResetHandler
    void reset() {
        rows.clear();
    }

    private void fold(ProductScoped event, long sequence) {
        batch.handle(
                changes -> changes.fold(event.productId(), sequence, current -> ProductFold.apply(current, event)));
    }
}
