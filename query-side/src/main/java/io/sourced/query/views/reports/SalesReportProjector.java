package io.sourced.query.views.reports;

import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.ProductRestockedEvent;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.ReturnedStockReleasedEvent;
import io.sourced.api.inventory.StockReleasedEvent;
import io.sourced.api.inventory.StockReservationRejectedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.inventory.StockWrittenOffEvent;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderRejectedEvent;
import io.sourced.api.ordering.OrderScoped;
import io.sourced.batching.BatchScope;
import io.sourced.query.views.reports.ProductDayRows.Counts;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the sales reports: per product and day (ordered, sold, revenue net of refunds, lost, written off, returned,
 * refunded, stock at the end of the day) and per
 * day (the order funnel and each order's time to accept). Every event counts on the UTC date of its timestamp.
 * Product events are applied once per sequence number, order events once per order; beyond that, exactly-once
 * rests on the processor's token being stored in the same transaction. A processor batch's changes are gathered in
 * {@link ProductDayChanges} and {@link OrderDayChanges} and written together, before it commits, by
 * {@link ProductDayRows} and {@link OrderDayRows} (see {@link BatchScope}).
 */
@Component
@ProcessingGroup(SalesReportProjector.PROCESSING_GROUP)
class SalesReportProjector {

    static final String PROCESSING_GROUP = "reports";

    private final SalesReportQueries queries;
    private final ProductDayRows productRows;
    private final OrderDayRows orderRows;
    private final BatchScope<Changes> batch = BatchScope.of(this::start, this::write);

    SalesReportProjector(JdbcTemplate jdbc) {
        this.queries = new SalesReportQueries(jdbc);
        this.productRows = new ProductDayRows(jdbc);
        this.orderRows = new OrderDayRows(jdbc);
    }

    /** One processor batch's changes to both reports, written before it commits. */
    private record Changes(ProductDayChanges products, OrderDayChanges orders) {}

    @EventHandler
    void on(ProductRegisteredEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch.handle(changes -> changes.products()
                .registered(event.productId(), event.name(), event.initialStock(), sequence, ReportDay.of(at)));
    }

    @EventHandler
    void on(ProductRestockedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch.handle(changes -> changes.products()
                .productEvent(event.productId(), sequence, ReportDay.of(at), event.quantity(), Counts.NONE));
    }

    @EventHandler
    void on(StockReservedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch.handle(changes -> {
            changes.products().reservedAt(event.orderId(), event.productId(), event.unitPrice());
            changes.products()
                    .productEvent(
                            event.productId(),
                            sequence,
                            ReportDay.of(at),
                            -event.quantity(),
                            Counts.lost(event.shortBy()));
        });
    }

    @EventHandler
    void on(StockReleasedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch.handle(changes -> changes.products()
                .productEvent(event.productId(), sequence, ReportDay.of(at), event.quantity(), Counts.NONE));
    }

    @EventHandler
    void on(ReservationConfirmedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch.handle(changes -> {
            ProductDayChanges products = changes.products();
            Counts sold = Counts.sold(
                    event.quantity(), products.revenue(event.orderId(), event.productId(), event.quantity()));
            products.productEvent(event.productId(), sequence, ReportDay.of(at), 0, sold);
        });
    }

    @EventHandler
    void on(StockReservationRejectedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch.handle(changes -> changes.products()
                .productEvent(event.productId(), sequence, ReportDay.of(at), 0, Counts.lost(event.requested())));
    }

    @EventHandler
    void on(StockWrittenOffEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch.handle(changes -> changes.products()
                .productEvent(
                        event.productId(),
                        sequence,
                        ReportDay.of(at),
                        -event.quantity(),
                        Counts.writtenOff(event.quantity())));
    }

    /** The return completed: its units are available again, and their refund leaves the revenue of the day. */
    @EventHandler
    void on(ReturnedStockReleasedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch.handle(changes -> {
            ProductDayChanges products = changes.products();
            Counts returned = Counts.returned(
                    event.quantity(), products.revenue(event.orderId(), event.productId(), event.quantity()));
            products.productEvent(event.productId(), sequence, ReportDay.of(at), event.quantity(), returned);
        });
    }

    @EventHandler
    void on(OrderPlacedEvent event, @Timestamp Instant at) {
        batch.handle(changes -> {
            if (changes.orders().placed(event.orderId(), at)) {
                for (OrderLine line : event.lines()) {
                    changes.products().ordered(line.productId(), line.quantity(), ReportDay.of(at));
                }
            }
        });
    }

    @EventHandler
    void on(OrderAcceptedEvent event, @Timestamp Instant at) {
        batch.handle(changes -> changes.orders().completed(event.orderId(), OrderOutcome.ACCEPTED, at));
    }

    @EventHandler
    void on(OrderRejectedEvent event, @Timestamp Instant at) {
        batch.handle(changes -> changes.orders().completed(event.orderId(), OrderOutcome.rejected(event.reason()), at));
    }

    @EventHandler
    void on(OrderCancelledEvent event, @Timestamp Instant at) {
        batch.handle(changes -> changes.orders().completed(event.orderId(), OrderOutcome.CANCELLED, at));
    }

    @ResetHandler
    void reset() {
        productRows.clear();
        orderRows.clear();
    }

    /** The batch's changes, its orders read at once. */
    private Changes start() {
        OrderDayChanges orders = new OrderDayChanges(queries);
        orders.prefetch(BatchScope.payloads(OrderScoped.class).stream()
                .map(OrderScoped::orderId)
                .toList());
        return new Changes(new ProductDayChanges(queries), orders);
    }

    private void write(Changes changes) {
        changes.products().writeTo(productRows);
        changes.orders().writeTo(orderRows);
    }
}
