package io.sourced.command.ordering;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.AcceptOrderCommand;
import io.sourced.api.ordering.CancelOrderCommand;
import io.sourced.api.ordering.CompleteReturnCommand;
import io.sourced.api.ordering.FailReturnCommand;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderRejectedEvent;
import io.sourced.api.ordering.OrderStatus;
import io.sourced.api.ordering.PlaceOrderCommand;
import io.sourced.api.ordering.PricedLine;
import io.sourced.api.ordering.RejectOrderCommand;
import io.sourced.api.ordering.RequestReturnCommand;
import io.sourced.api.ordering.ReturnCompletedEvent;
import io.sourced.api.ordering.ReturnFailedEvent;
import io.sourced.api.ordering.ReturnId;
import io.sourced.api.ordering.ReturnRequestedEvent;
import io.sourced.command.Reasons;
import io.sourced.command.Refused;
import io.sourced.command.lookup.KnownIds;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An order decides its single terminal status, whatever order the workflow's replies and a cancel arrive in. Once
 * accepted, it decides what may be returned: never more units of a line than it got, less those returned or in a
 * return still in its workflow, and only within the return window; so concurrent returns, serialized by the order's
 * sequence numbers, never give back more than was paid.
 */
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
    /** When it was accepted: the return window runs from then. */
    private Instant acceptedAt;
    /** The units each line got at the price paid, by product; empty for an order accepted without its prices. */
    private Map<ProductId, PricedLine> bought = new LinkedHashMap<>();
    /** Units given back by completed returns, by product. */
    private Map<ProductId, Integer> returned = new LinkedHashMap<>();
    /** The returns in their workflow and the units each gives back. */
    private Map<ReturnId, List<PricedLine>> pendingReturns = new LinkedHashMap<>();
    /** Every return asked, so that one asked again answers the first. */
    private Set<ReturnId> returns = new HashSet<>();

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
        apply(new OrderAcceptedEvent(orderId, customerId, command.total(), command.shortfall(), command.lines()));
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

    /**
     * Refusals in the order a caller learns most from: whose order it is, what the request lacks, whether the order can
     * be returned at all, then whether the units asked fit what is still returnable.
     */
    @CommandHandler
    ReturnId handle(RequestReturnCommand command, ReturnWindow window) {
        if (command.requestedBy() != null && !command.requestedBy().equals(customerId)) {
            throw Refused.notFound("No order " + orderId);
        }
        if (command.returnId() != null && returns.contains(command.returnId())) {
            return command.returnId();
        }
        if (command.returnId() == null) {
            throw Refused.invalid("returnId", "is required");
        }
        String reason = Reasons.require(command.reason());
        List<OrderLine> lines = merged(command.lines());
        if (status == OrderStatus.RETURNED) {
            throw Refused.unprocessable("every unit of order " + orderId + " was returned already");
        }
        if (status != OrderStatus.ACCEPTED) {
            throw Refused.conflict("order is " + status + "; only an accepted order's units can be returned");
        }
        if (bought.isEmpty()) {
            throw Refused.unprocessable(
                    "order " + orderId + " was accepted before returns were possible: its prices are not known");
        }
        if (!window.isOpen(acceptedAt)) {
            throw Refused.unprocessable(
                    "the return window of order " + orderId + " closed at " + window.closesAt(acceptedAt));
        }
        List<PricedLine> returning = lines.stream().map(this::returnable).toList();
        apply(new ReturnRequestedEvent(
                orderId, command.returnId(), customerId, returning, PricedLine.amountOf(returning), reason));
        return command.returnId();
    }

    /** The line's units at the price paid, when the order got that many and they are not returned or returning. */
    private PricedLine returnable(OrderLine line) {
        PricedLine got = bought.get(line.productId());
        if (got == null) {
            throw Refused.invalid("lines", "must each name a product the order got: " + line.productId());
        }
        int left = got.quantity() - returned.getOrDefault(line.productId(), 0) - returning(line.productId());
        if (line.quantity() > left) {
            throw Refused.unprocessable("a return of " + line.quantity() + " unit(s) of " + line.productId()
                    + " exceeds the " + left + " still returnable (" + got.quantity() + " bought)");
        }
        return new PricedLine(line.productId(), line.quantity(), got.unitPrice());
    }

    private int returning(ProductId productId) {
        return pendingReturns.values().stream()
                .flatMap(List::stream)
                .filter(line -> line.productId().equals(productId))
                .mapToInt(PricedLine::quantity)
                .sum();
    }

    @CommandHandler
    void handle(CompleteReturnCommand command) {
        List<PricedLine> lines = pendingReturns.get(command.returnId());
        if (lines == null) {
            return; // done or failed already: the workflow's step ran again
        }
        int left = bought.values().stream().mapToInt(PricedLine::quantity).sum()
                - returned.values().stream().mapToInt(Integer::intValue).sum()
                - lines.stream().mapToInt(PricedLine::quantity).sum();
        apply(new ReturnCompletedEvent(
                orderId,
                command.returnId(),
                customerId,
                lines,
                PricedLine.amountOf(lines),
                left == 0 ? OrderStatus.RETURNED : OrderStatus.ACCEPTED));
    }

    @CommandHandler
    void handle(FailReturnCommand command) {
        List<PricedLine> lines = pendingReturns.get(command.returnId());
        if (lines == null) {
            return;
        }
        apply(new ReturnFailedEvent(orderId, command.returnId(), customerId, lines, command.reason()));
    }

    @EventSourcingHandler
    void on(OrderPlacedEvent event) {
        orderId = event.orderId();
        customerId = event.customerId();
        status = OrderStatus.PENDING;
    }

    @EventSourcingHandler
    void on(OrderAcceptedEvent event, @Timestamp Instant at) {
        status = OrderStatus.ACCEPTED;
        acceptedAt = at;
        event.lines().forEach(line -> bought.put(line.productId(), line));
    }

    @EventSourcingHandler
    void on(ReturnRequestedEvent event) {
        returns.add(event.returnId());
        pendingReturns.put(event.returnId(), event.lines());
    }

    @EventSourcingHandler
    void on(ReturnCompletedEvent event) {
        pendingReturns.remove(event.returnId());
        event.lines().forEach(line -> returned.merge(line.productId(), line.quantity(), Integer::sum));
        status = event.status();
    }

    @EventSourcingHandler
    void on(ReturnFailedEvent event) {
        pendingReturns.remove(event.returnId());
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
