package io.sourced.command.inventory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonSetter;
import io.sourced.api.idempotency.OperationId;
import io.sourced.api.inventory.AutoRestockScheduledEvent;
import io.sourced.api.inventory.CancelStockReturnCommand;
import io.sourced.api.inventory.ConfirmReservationCommand;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.ProductRestockedEvent;
import io.sourced.api.inventory.RegisterProductCommand;
import io.sourced.api.inventory.ReleaseReturnedStockCommand;
import io.sourced.api.inventory.ReleaseStockCommand;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.ReserveStockCommand;
import io.sourced.api.inventory.RestockProductCommand;
import io.sourced.api.inventory.ReturnStockCommand;
import io.sourced.api.inventory.ReturnedStockReleasedEvent;
import io.sourced.api.inventory.StockReleasedEvent;
import io.sourced.api.inventory.StockReservationRejectedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.inventory.StockReturnCancelledEvent;
import io.sourced.api.inventory.StockReturnedEvent;
import io.sourced.api.inventory.StockWrittenOffEvent;
import io.sourced.api.inventory.WriteOffStockCommand;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.ReturnId;
import io.sourced.api.rules.BusinessRules;
import io.sourced.command.Amounts;
import io.sourced.command.PlainText;
import io.sourced.command.Reasons;
import io.sourced.command.Refused;
import io.sourced.command.idempotency.RecentOperations;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A product's stock: {@code available >= 0} and {@code available + reserved + sold} is all stock ever
 * received. Reservations are answered by events, never by exceptions: the workflow sends them. The business rules in
 * force price a reservation, let it be partial when the order accepts that, and ask automatic restocks. Returned units
 * leave the sold ones and are held (counted as reserved) until their return is refunded, when they become available,
 * or fails, when they are sold again: undoing a return never needs units that may have been sold since.
 */
@Aggregate(snapshotTriggerDefinition = "productSnapshotTrigger", cache = "productCache")
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Product {

    static final int MAX_CATEGORY_LENGTH = 60;
    /** How many settled orders a product remembers: docs/architecture.md, "Late reservation requests". */
    static final int SETTLED_ORDERS_REMEMBERED = 2000;

    static final String AUTO_RESTOCK_DUE = "auto-restock-due";

    @AggregateIdentifier
    private ProductId productId;

    private BigDecimal price;
    /** Initialised for snapshots taken before categories existed. */
    private String category = ProductRegisteredEvent.UNCATEGORISED;

    private int available;
    private int sold;
    private List<Reservation> reservations = new ArrayList<>();
    /**
     * The orders most recently answered and no longer held (confirmed, released or refused for want of stock), oldest
     * first: a request for one of them is late (a step retried, a batch rolled back after sending it, a segment moved
     * while it was on its way) and answering it afresh would reserve stock that no one gives back. Bounded, so that
     * the state does not grow with every order the product ever sold; the bound is a constant, not a setting, as the
     * state must be the same on every replica that replays the same events (docs/architecture.md says why it is safe).
     */
    private LinkedHashSet<OrderId> settledOrders = new LinkedHashSet<>();
    /** Restocks and write-offs, so that one sent again after an unknown outcome is applied once. */
    private RecentOperations recentOperations = new RecentOperations();
    /** The automatic restock asked and not arrived yet; null when none is. */
    private PendingRestock pendingRestock;
    /** Units returned and held until their return is refunded or fails, by return. */
    private Map<ReturnId, HeldReturn> heldReturns = new LinkedHashMap<>();
    /**
     * The returns most recently released or cancelled, oldest first: a return step that runs again for one of them is
     * late and changes nothing. Bounded like the settled orders, for the same reasons.
     */
    private LinkedHashSet<ReturnId> settledReturns = new LinkedHashSet<>();

    record Reservation(OrderId orderId, int quantity) {}

    record HeldReturn(OrderId orderId, int quantity) {}

    record PendingRestock(OperationId operationId, int quantity) {}

    Product() {}

    /** Snapshots of earlier versions: one set of every order answered, or of the orders refused. */
    @JsonSetter("answeredOrders")
    private void answeredOrdersOfAnEarlierSnapshot(Set<OrderId> answered) {
        answered.forEach(this::settle);
    }

    @JsonSetter("rejectedOrders")
    private void rejectedOrdersOfAnEarlierSnapshot(Set<OrderId> rejected) {
        rejected.forEach(this::settle);
    }

    @CommandHandler
    Product(RegisterProductCommand command) {
        if (command.name() == null || command.name().isBlank()) {
            throw Refused.invalid("name", "must not be blank");
        }
        PlainText.require("name", command.name());
        PlainText.require("category", command.category());
        if (!Amounts.isValid(command.price())) {
            throw Refused.invalid("price", Amounts.RULE);
        }
        if (command.initialStock() < 0) {
            throw Refused.invalid("initialStock", "must not be negative");
        }
        String category = command.category() == null || command.category().isBlank()
                ? ProductRegisteredEvent.UNCATEGORISED
                : command.category().strip();
        if (category.length() > MAX_CATEGORY_LENGTH) {
            throw Refused.invalid("category", "must be at most " + MAX_CATEGORY_LENGTH + " characters");
        }
        apply(new ProductRegisteredEvent(
                command.productId(), command.name().strip(), command.price(), command.initialStock(), category));
    }

    @CommandHandler
    void handle(RestockProductCommand command) {
        if (command.quantity() < 1) {
            throw Refused.invalid("quantity", "must be at least 1");
        }
        if (recentOperations.applied(command.operationId(), restockOf(command.quantity()))) {
            return;
        }
        if ((long) available + reserved() + sold + command.quantity() > Integer.MAX_VALUE) {
            throw Refused.invalid("quantity", "would take the stock beyond what can be counted");
        }
        apply(new ProductRestockedEvent(productId, command.quantity(), command.operationId()));
    }

    private static String restockOf(int quantity) {
        return "a restock of " + quantity;
    }

    /** Only available stock leaves: reserved units belong to orders still in their workflow. */
    @CommandHandler
    void handle(WriteOffStockCommand command) {
        if (command.quantity() < 1) {
            throw Refused.invalid("quantity", "must be at least 1");
        }
        String reason = Reasons.require(command.reason());
        if (recentOperations.applied(command.operationId(), writeOffOf(command.quantity()))) {
            return;
        }
        if (command.quantity() > available) {
            throw Refused.unprocessable(
                    "a write-off of " + command.quantity() + " exceeds the " + available + " units available");
        }
        apply(new StockWrittenOffEvent(productId, command.quantity(), reason, command.operationId()));
    }

    private static String writeOffOf(int quantity) {
        return "a write-off of " + quantity;
    }

    @CommandHandler
    void handle(ReserveStockCommand command, BusinessRules rules, DeadlineManager deadlines) {
        if (command.quantity() < 1) {
            throw Refused.invalid("quantity", "must be at least 1");
        }
        if (reservationOf(command.orderId()).isPresent() || settledOrders.contains(command.orderId())) {
            return;
        }
        int units = command.partialAccepted() ? Math.min(command.quantity(), available) : command.quantity();
        if (units < 1 || units > available) {
            apply(new StockReservationRejectedEvent(productId, command.orderId(), command.quantity(), available));
        } else {
            apply(new StockReservedEvent(
                    productId, command.orderId(), units, rules.priceOf(productId, price), command.quantity()));
        }
        askRestockIfLow(rules.autoRestock(), deadlines);
    }

    /**
     * Asked after every reservation answered, not only those that took stock: a product already below the threshold
     * when the rule came into force is restocked at its next request.
     */
    private void askRestockIfLow(BusinessRules.AutoRestock rule, DeadlineManager deadlines) {
        if (rule == null || pendingRestock != null || !rule.wants(available)) {
            return;
        }
        OperationId operationId = OperationId.random();
        apply(new AutoRestockScheduledEvent(productId, operationId, rule.quantity(), rule.delay()));
        deadlines.schedule(rule.delay(), AUTO_RESTOCK_DUE, operationId);
    }

    /** The restock asked arrives, once: a deadline fired again, or after the restock was recorded, changes nothing. */
    @DeadlineHandler(deadlineName = AUTO_RESTOCK_DUE)
    void onAutoRestockDue(OperationId operationId) {
        if (pendingRestock == null || !pendingRestock.operationId().equals(operationId)) {
            return;
        }
        if ((long) available + reserved() + sold + pendingRestock.quantity() > Integer.MAX_VALUE) {
            return;
        }
        apply(new ProductRestockedEvent(productId, pendingRestock.quantity(), operationId));
    }

    @CommandHandler
    void handle(ConfirmReservationCommand command) {
        reservationOf(command.orderId())
                .ifPresent(reservation ->
                        apply(new ReservationConfirmedEvent(productId, reservation.orderId(), reservation.quantity())));
    }

    @CommandHandler
    void handle(ReleaseStockCommand command) {
        reservationOf(command.orderId())
                .ifPresent(reservation ->
                        apply(new StockReleasedEvent(productId, reservation.orderId(), reservation.quantity())));
    }

    /** Never more than the units sold: a return gives back what an order bought. */
    @CommandHandler
    void handle(ReturnStockCommand command) {
        if (command.quantity() < 1) {
            throw Refused.invalid("quantity", "must be at least 1");
        }
        if (heldReturns.containsKey(command.returnId()) || settledReturns.contains(command.returnId())) {
            return;
        }
        if (command.quantity() > sold) {
            throw Refused.unprocessable(
                    "a return of " + command.quantity() + " exceeds the " + sold + " units sold of " + productId);
        }
        apply(new StockReturnedEvent(productId, command.orderId(), command.returnId(), command.quantity()));
    }

    @CommandHandler
    void handle(ReleaseReturnedStockCommand command) {
        HeldReturn held = heldReturns.get(command.returnId());
        if (held != null) {
            apply(new ReturnedStockReleasedEvent(productId, held.orderId(), command.returnId(), held.quantity()));
        }
    }

    @CommandHandler
    void handle(CancelStockReturnCommand command) {
        HeldReturn held = heldReturns.get(command.returnId());
        if (held != null) {
            apply(new StockReturnCancelledEvent(productId, held.orderId(), command.returnId(), held.quantity()));
        }
    }

    private Optional<Reservation> reservationOf(OrderId orderId) {
        return reservations.stream()
                .filter(reservation -> reservation.orderId().equals(orderId))
                .findFirst();
    }

    /** Units held for orders in their workflow and for returns not refunded yet. */
    private int reserved() {
        return reservations.stream().mapToInt(Reservation::quantity).sum()
                + heldReturns.values().stream().mapToInt(HeldReturn::quantity).sum();
    }

    @EventSourcingHandler
    void on(ProductRegisteredEvent event) {
        productId = event.productId();
        price = event.price();
        category = event.category();
        available = event.initialStock();
    }

    @EventSourcingHandler
    void on(ProductRestockedEvent event) {
        available += event.quantity();
        recentOperations.remember(event.operationId(), restockOf(event.quantity()));
        if (pendingRestock != null && pendingRestock.operationId().equals(event.operationId())) {
            pendingRestock = null;
        }
    }

    @EventSourcingHandler
    void on(StockWrittenOffEvent event) {
        available -= event.quantity();
        recentOperations.remember(event.operationId(), writeOffOf(event.quantity()));
    }

    @EventSourcingHandler
    void on(AutoRestockScheduledEvent event) {
        pendingRestock = new PendingRestock(event.operationId(), event.quantity());
    }

    @EventSourcingHandler
    void on(StockReservedEvent event) {
        available -= event.quantity();
        reservations.add(new Reservation(event.orderId(), event.quantity()));
    }

    @EventSourcingHandler
    void on(StockReservationRejectedEvent event) {
        settle(event.orderId());
    }

    @EventSourcingHandler
    void on(ReservationConfirmedEvent event) {
        reservations.removeIf(reservation -> reservation.orderId().equals(event.orderId()));
        settle(event.orderId());
        sold += event.quantity();
    }

    @EventSourcingHandler
    void on(StockReleasedEvent event) {
        reservations.removeIf(reservation -> reservation.orderId().equals(event.orderId()));
        settle(event.orderId());
        available += event.quantity();
    }

    @EventSourcingHandler
    void on(StockReturnedEvent event) {
        sold -= event.quantity();
        heldReturns.put(event.returnId(), new HeldReturn(event.orderId(), event.quantity()));
    }

    @EventSourcingHandler
    void on(ReturnedStockReleasedEvent event) {
        heldReturns.remove(event.returnId());
        markSettled(event.returnId());
        available += event.quantity();
    }

    @EventSourcingHandler
    void on(StockReturnCancelledEvent event) {
        heldReturns.remove(event.returnId());
        markSettled(event.returnId());
        sold += event.quantity();
    }

    private void markSettled(ReturnId returnId) {
        settledReturns.add(returnId);
        if (settledReturns.size() > SETTLED_ORDERS_REMEMBERED) {
            settledReturns.remove(settledReturns.iterator().next());
        }
    }

    private void settle(OrderId orderId) {
        settledOrders.add(orderId);
        if (settledOrders.size() > SETTLED_ORDERS_REMEMBERED) {
            settledOrders.remove(settledOrders.iterator().next());
        }
    }
}
