package io.sourced.query.views.ordering;

import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.FindOrderQuery;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderRejectedEvent;
import io.sourced.api.ordering.OrderScoped;
import io.sourced.api.ordering.OrderView;
import io.sourced.api.ordering.ReturnCompletedEvent;
import io.sourced.api.ordering.ReturnFailedEvent;
import io.sourced.api.ordering.ReturnRequestedEvent;
import io.sourced.batching.BatchScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code order_view} and {@code order_line_view} with {@link OrderFold}, a processor batch's changes written
 * together, and tells subscribers of each order's live changes (not during a replay: a rebuilt past is not news).
 */
@Component
@ProcessingGroup(OrderViewProjector.PROCESSING_GROUP)
class OrderViewProjector {

    static final String PROCESSING_GROUP = "orders-view";

    private final OrderViewQueries queries;
    private final OrderViewRows rows;
    private final QueryUpdateEmitter updateEmitter;
    private final BatchScope<Changes> batch = BatchScope.of(Changes::new, Changes::write);

    OrderViewProjector(JdbcTemplate jdbc, QueryUpdateEmitter updateEmitter) {
        this.queries = new OrderViewQueries(jdbc);
        this.rows = new OrderViewRows(jdbc);
        this.updateEmitter = updateEmitter;
    }

    @EventHandler
    void on(OrderPlacedEvent event, @Timestamp Instant at, ReplayStatus replay) {
        fold(event, at, replay);
    }

    @EventHandler
    void on(StockReservedEvent event, @Timestamp Instant at, ReplayStatus replay) {
        fold(event, at, replay);
    }

    @EventHandler
    void on(OrderAcceptedEvent event, @Timestamp Instant at, ReplayStatus replay) {
        fold(event, at, replay);
    }

    @EventHandler
    void on(OrderRejectedEvent event, @Timestamp Instant at, ReplayStatus replay) {
        fold(event, at, replay);
    }

    @EventHandler
    void on(OrderCancelledEvent event, @Timestamp Instant at, ReplayStatus replay) {
        fold(event, at, replay);
    }

    @EventHandler
    void on(ReturnRequestedEvent event, @Timestamp Instant at, ReplayStatus replay) {
        fold(event, at, replay);
    }

    @EventHandler
    void on(ReturnCompletedEvent event, @Timestamp Instant at, ReplayStatus replay) {
        fold(event, at, replay);
    }

    @EventHandler
    void on(ReturnFailedEvent event, @Timestamp Instant at, ReplayStatus replay) {
        fold(event, at, replay);
    }

    @ResetHandler
    void reset() {
        rows.clear();
    }

    private void fold(OrderScoped event, Instant at, ReplayStatus replay) {
        batch.handle(changes -> changes.fold(event, at, replay));
    }

    /** The orders one processor batch changed: each read once, folded in memory, written once before the commit. */
    private final class Changes {

        private final Map<OrderId, OrderView> stored = new HashMap<>();
        private final Map<OrderId, OrderView> folded = new LinkedHashMap<>();
        private final Set<OrderId> live = new HashSet<>();

        /** The batch's orders read at once: those not stored are known not to be. */
        Changes() {
            List<OrderId> orderIds = BatchScope.payloads(OrderScoped.class).stream()
                    .map(OrderScoped::orderId)
                    .distinct()
                    .toList();
            Map<OrderId, OrderView> found = queries.stored(orderIds);
            orderIds.forEach(orderId -> {
                stored.put(orderId, found.get(orderId));
                folded.put(orderId, found.get(orderId));
            });
        }

        void fold(OrderScoped event, Instant at, ReplayStatus replay) {
            OrderId orderId = event.orderId();
            if (!folded.containsKey(orderId)) {
                OrderView current = queries.stored(List.of(orderId)).get(orderId);
                stored.put(orderId, current);
                folded.put(orderId, current);
            }
            OrderView current = folded.get(orderId);
            OrderView next = OrderFold.apply(current, event, at);
            if (next == null || Objects.equals(current, next)) {
                return;
            }
            folded.put(orderId, next);
            if (!replay.isReplay()) {
                live.add(orderId);
            }
        }

        void write() {
            List<OrderViewRows.Change> changes = new ArrayList<>();
            folded.forEach((orderId, next) -> {
                if (next != null && !Objects.equals(stored.get(orderId), next)) {
                    changes.add(new OrderViewRows.Change(stored.get(orderId), next));
                }
            });
            rows.save(changes);
            // not during a replay: a rebuilt past is not news; subscribers get the row as stored, once the batch
            // commits
            if (!live.isEmpty() && !updateEmitter.activeSubscriptions().isEmpty()) {
                queries.stored(live)
                        .forEach((orderId, view) -> updateEmitter.emit(
                                FindOrderQuery.class, query -> orderId.equals(query.orderId()), view));
            }
        }
    }
}
