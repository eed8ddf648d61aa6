package io.sourced.command.ordering;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.AcceptOrderCommand;
import io.sourced.api.ordering.CancelOrderCommand;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderRejectedEvent;
import io.sourced.api.ordering.OrderStatus;
import io.sourced.api.ordering.PlaceOrderCommand;
import io.sourced.api.ordering.RejectOrderCommand;
import io.sourced.command.Refused;
import io.sourced.command.lookup.KnownIds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** An order decides its single terminal status, whatever order the workflow's replies and a cancel arrive in. */
@Aggregate(cache = "orderCache")
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Order {

    @AggregateIdentifier
    private OrderId orderId;

    private CustomerId customerId;
    private OrderStatus status;

    Order() {}

    /** Created if missing, so that placing the same order id again answers the existing order. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    OrderId handle(PlaceOrderCommand command, KnownIds knownIds) {
        if (orderId != null) {
            return orderId;
        }
        if (command.customerId() == null) {
            throw Refused.invalid("customerId", "is required");
        }
        List<OrderLine> lines = merged(command.lines());
        if (!knownIds.customerExists(command.customerId())) {
            throw Refused.notFound("No customer " + command.customerId());
        }
        Set<ProductId> unknown = knownIds.unknownProducts(
                lines.stream().map(OrderLine::productId).toList());
        if (!unknown.isEmpty()) {
            throw Refused.notFound(
                    "No product " + unknown.stream().map(ProductId::value).collect(Collectors.joining(", ")));
        }
        apply(new OrderPlacedEvent(command.orderId(), command.customerId(), lines));
        return command.orderId();
    }

    /** One line per product, quantities summed, in the order the products first appear. */
    static List<OrderLine> merged(List<OrderLine> lines) {
        if (lines == null || lines.isEmpty()) {
            throw Refused.invalid("lines", "must hold at least one line");
        }
        if (lines.size() > OrderLine.MAX_PER_ORDER) {
            throw Refused.invalid("lines", OrderLine.MAX_PER_ORDER_RULE);
        }
        Map<ProductId, Long> quantities = new LinkedHashMap<>();
        for (OrderLine line : lines) {
            if (line == null || line.productId() == null) {
                throw Refused.invalid("lines", "must each name a productId");
            }
            if (line.quantity() < 1) {
                throw Refused.invalid("lines", "must each have a quantity of at least 1");
            }
            quantities.merge(line.productId(), (long) line.quantity(), Long::sum);
        }
        if (quantities.values().stream().anyMatch(quantity -> quantity > Integer.MAX_VALUE)) {
            throw Refused.invalid("lines", "ask for too many units of one product");
        }
        return quantities.entrySet().stream()
                .map(entry -> new OrderLine(entry.getKey(), entry.getValue().intValue()))
                .toList();
    }

    @CommandHandler
    void handle(AcceptOrderCommand command) {
        if (status != OrderStatus.PENDING) {
            return; // lost a race with a cancel or a timeout: the first terminal status stands
        }
        apply(new OrderAcceptedEvent(orderId, customerId, command.total(), command.shortfall()));
    }

    @CommandHandler
    void handle(RejectOrderCommand command) {
        if (status != OrderStatus.PENDING) {
            return; // the workflow must never fail on a race, so a late reply changes nothing
        }
        apply(new OrderRejectedEvent(orderId, customerId, command.reason()));
    }

    @CommandHandler
    void handle(CancelOrderCommand command) {
        if (command.requestedBy() != null && !command.requestedBy().equals(customerId)) {
            throw Refused.notFound("No order " + orderId);
        }
        if (status != OrderStatus.PENDING) {
            throw Refused.conflict("order is " + status + " and can no longer be cancelled");
        }
        apply(new OrderCancelledEvent(orderId, customerId));
    }

    @EventSourcingHandler
    void on(OrderPlacedEvent event) {
        orderId = event.orderId();
        customerId = event.customerId();
        status = OrderStatus.PENDING;
    }

    @EventSourcingHandler
    void on(OrderAcceptedEvent event) {
        status = OrderStatus.ACCEPTED;
    }

    @EventSourcingHandler
    void on(OrderRejectedEvent event) {
        status = OrderStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(OrderCancelledEvent event) {
        status = OrderStatus.CANCELLED;
    }
}
