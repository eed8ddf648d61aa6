package io.sourced.query.views.ordering;

import io.sourced.api.caller.Caller;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.ordering.FindOrderAsOfQuery;
import io.sourced.api.ordering.FindOrderQuery;
import io.sourced.api.ordering.FindOrdersQuery;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderPage;
import io.sourced.api.ordering.OrderStatus;
import io.sourced.api.ordering.OrderView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;

@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders")
class OrderQueryController {

    private final QueryGateway queryGateway;
    private final OrderUpdates orderUpdates;

    OrderQueryController(QueryGateway queryGateway, OrderUpdates orderUpdates) {
        this.queryGateway = queryGateway;
        this.orderUpdates = orderUpdates;
    }

    @Operation(
            summary =
                    "One order, now or as of an instant; 404 when unknown (or not yet placed then) or another customer's")
    @GetMapping("/{orderId}")
    OrderView order(
            @PathVariable String orderId,
            @Parameter(hidden = true) Caller caller,
            @Parameter(description = "The state at this instant (ISO-8601), computed from the event log")
                    @RequestParam(required = false)
                    Instant asOf) {
        OrderId id = orderIdOrNotFound(orderId);
        if (!caller.isAdmin() && caller.customerId() == null) {
            throw noOrder(orderId);
        }
        // a customer's own orders only, checked before any product's events are read
        var found = asOf == null
                ? queryGateway.query(new FindOrderQuery(id), ResponseTypes.optionalInstanceOf(OrderView.class))
                : queryGateway.query(
                        new FindOrderAsOfQuery(id, asOf, caller.isAdmin() ? null : caller.customerId()),
                        ResponseTypes.optionalInstanceOf(OrderView.class));
        return found.join()
                .filter(order -> caller.mayActFor(order.customerId()))
                .orElseThrow(() -> noOrder(orderId));
    }

    @Operation(summary = "Orders newest first; a customer only ever sees their own")
    @GetMapping
    OrderPage orders(
            @Parameter(description = "a customer id (UUID); customers may only name their own")
                    @RequestParam(required = false)
                    String customerId,
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(OrderViewQueries.MAX_PAGE_SIZE) int size,
            @Parameter(hidden = true) Caller caller) {
        CustomerId named = customerIdOrBadRequest(customerId);
        if (named != null && !caller.mayActFor(named)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No customer " + customerId);
        }
        CustomerId filter = caller.isAdmin() ? named : caller.customerId();
        if (!caller.isAdmin() && filter == null) {
            return new OrderPage(List.of(), page, size, 0);
        }
        return queryGateway
                .query(new FindOrdersQuery(filter, status, page, size), OrderPage.class)
                .join();
    }

    @Operation(summary = "The order now, then each change as server-sent events, until the order is terminal")
    @GetMapping(path = "/{orderId}/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<OrderView>> updates(@PathVariable String orderId, @Parameter(hidden = true) Caller caller) {
        return orderUpdates
                .follow(orderIdOrNotFound(orderId), order -> caller.mayActFor(order.customerId()))
                .orElseThrow(() -> noOrder(orderId))
                .map(order -> ServerSentEvent.builder(order).build());
    }

    private static OrderId orderIdOrNotFound(String orderId) {
        try {
            return OrderId.of(orderId);
        } catch (IllegalArgumentException e) {
            throw noOrder(orderId);
        }
    }

    private static CustomerId customerIdOrBadRequest(String customerId) {
        if (customerId == null || customerId.isBlank()) {
            return null;
        }
        try {
            return CustomerId.of(customerId);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "customerId must be a UUID");
        }
    }

    private static ResponseStatusException noOrder(String orderId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No order " + orderId);
    }
}
