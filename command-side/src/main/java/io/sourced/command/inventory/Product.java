package io.sourced.command.inventory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonSetter;
import io.sourced.api.inventory.ConfirmReservationCommand;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.ProductRestockedEvent;
import io.sourced.api.inventory.RegisterProductCommand;
import io.sourced.api.inventory.ReleaseStockCommand;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.ReserveStockCommand;
import io.sourced.api.inventory.RestockProductCommand;
import io.sourced.api.inventory.StockReleasedEvent;
import io.sourced.api.inventory.StockReservationRejectedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.command.Amounts;
import io.sourced.command.PlainText;
import io.sourced.command.Refused;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A product's stock: {@code available >= 0} and {@code available + reserved + sold} is all stock ever
 * received. Reservations are answered by events, never by exceptions: the workflow sends them.
 */
@Aggregate(snapshotTriggerDefinition = "productSnapshotTrigger", cache = "productCache")
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Product {

    static final int MAX_CATEGORY_LENGTH = 60;

    @AggregateIdentifier
    private ProductId productId;

    private BigDecimal price;
    /** Initialised for snapshots taken before categories existed. */
    private String category = ProductRegisteredEvent.UNCATEGORISED;

    private int available;
    private int sold;
    private List<Reservation> reservations = new ArrayList<>();
    /**
     * Orders refused for want of stock: the workflow may ask again (a step it retries), and a second answer could
     * reserve stock that no one will ever give back. A held reservation answers for itself; once confirmed or released
     * it is forgotten, as the workflow settles a reservation only after every step that asks for it has committed: no
     * question about it can come after. Kept, it would grow with every order the product ever sold.
     */
    private Set<OrderId> rejectedOrders = new HashSet<>();

    record Reservation(OrderId orderId, int quantity) {}

    Product() {}

    /**
     * Snapshots taken before settled reservations were forgotten hold every order answered, settled or rejected, in
     * one set: all kept as refused, which answers a repeated question the same way.
     */
    @JsonSetter("answeredOrders")
    private void answeredOrdersOfAnEarlierSnapshot(Set<OrderId> answered) {
        rejectedOrders.addAll(answered);
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
        if ((long) available + reserved() + sold + command.quantity() > Integer.MAX_VALUE) {
            throw Refused.invalid("quantity", "would take the stock beyond what can be counted");
        }
        apply(new ProductRestockedEvent(productId, command.quantity()));
    }

    @CommandHandler
    void handle(ReserveStockCommand command) {
        if (command.quantity() < 1) {
            throw Refused.invalid("quantity", "must be at least 1");
        }
        if (reservationOf(command.orderId()).isPresent() || rejectedOrders.contains(command.orderId())) {
            return;
        }
        if (command.quantity() > available) {
            apply(new StockReservationRejectedEvent(productId, command.orderId(), command.quantity(), available));
        } else {
            apply(new StockReservedEvent(productId, command.orderId(), command.quantity(), price));
        }
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

    private Optional<Reservation> reservationOf(OrderId orderId) {
        return reservations.stream()
                .filter(reservation -> reservation.orderId().equals(orderId))
                .findFirst();
    }

    private int reserved() {
        return reservations.stream().mapToInt(Reservation::quantity).sum();
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
    }

    @EventSourcingHandler
    void on(StockReservedEvent event) {
        available -= event.quantity();
        reservations.add(new Reservation(event.orderId(), event.quantity()));
    }

    @EventSourcingHandler
    void on(StockReservationRejectedEvent event) {
        rejectedOrders.add(event.orderId());
    }

    @EventSourcingHandler
    void on(ReservationConfirmedEvent event) {
        reservations.removeIf(reservation -> reservation.orderId().equals(event.orderId()));
        sold += event.quantity();
    }

    @EventSourcingHandler
    void on(StockReleasedEvent event) {
        reservations.removeIf(reservation -> reservation.orderId().equals(event.orderId()));
        available += event.quantity();
    }
}
