package io.sourced.command.ordering;

import io.sourced.api.caller.Caller;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.ordering.CancelOrderCommand;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.PlaceOrderCommand;
import io.sourced.command.Refused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders")
class OrderCommandController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final CommandGateway commandGateway;

    OrderCommandController(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @PostMapping
    @Operation(summary = "Place an order; the same Idempotency-Key (same user) answers the first order's id")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<OrderIdResponse> place(
            @Valid @RequestBody PlaceOrderRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            @Parameter(hidden = true) Caller caller) {
        CustomerId customerId = customerFor(request, caller);
        OrderId orderId = orderIdFor(caller, key);
        PlaceOrderCommand command = new PlaceOrderCommand(
                orderId,
                customerId,
                request.lines().stream()
                        .map(PlaceOrderRequest.Line::toOrderLine)
                        .toList());
        OrderId placed = commandGateway.sendAndWait(command);
        return ResponseEntity.accepted().location(location(placed)).body(new OrderIdResponse(placed));
    }

    @PostMapping("/{orderId}/cancel")
    @Operation(summary = "Cancel a pending order; 409 once it is accepted, rejected or cancelled")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<OrderIdResponse> cancel(@PathVariable OrderId orderId, @Parameter(hidden = true) Caller caller) {
        if (!caller.isAdmin() && caller.customerId() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No order " + orderId);
        }
        commandGateway.sendAndWait(new CancelOrderCommand(orderId, caller.isAdmin() ? null : caller.customerId()));
        return ResponseEntity.accepted().location(location(orderId)).body(new OrderIdResponse(orderId));
    }

    static CustomerId customerFor(PlaceOrderRequest request, Caller caller) {
        CustomerId named = request.customerId();
        if (named == null) {
            if (caller.isAdmin() || caller.customerId() == null) {
                throw Refused.invalid("customerId", "is required");
            }
            return caller.customerId();
        }
        if (!caller.mayActFor(named)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No customer " + named);
        }
        return named;
    }

    static OrderId orderIdFor(Caller caller, String key) {
        if (key != null && !OrderId.isIdempotencyKey(key)) {
            throw Refused.invalid(IDEMPOTENCY_KEY, OrderId.IDEMPOTENCY_KEY_RULE);
        }
        return OrderId.forIdempotencyKey(caller.username(), key);
    }

    private static URI location(OrderId orderId) {
        return URI.create("/api/orders/" + orderId);
    }
}
