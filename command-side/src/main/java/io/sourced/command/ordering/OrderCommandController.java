package io.sourced.command.ordering;

import io.sourced.api.caller.Caller;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.ordering.CancelOrderCommand;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.PlaceOrderCommand;
import io.sourced.api.ordering.RequestReturnCommand;
import io.sourced.api.ordering.ReturnId;
import io.sourced.command.Refused;
import io.sourced.command.idempotency.IdempotencyKeys;
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

    private final CommandGateway commandGateway;
    private final IdempotencyKeys idempotencyKeys;

    OrderCommandController(CommandGateway commandGateway, IdempotencyKeys idempotencyKeys) {
        this.commandGateway = commandGateway;
        this.idempotencyKeys = idempotencyKeys;
    }

    @PostMapping
    @Operation(summary = "Place an order; the same Idempotency-Key and order answer the first order's id")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<OrderIdResponse> place(
            @Valid @RequestBody PlaceOrderRequest request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                    @Parameter(description = IdempotencyKeys.HEADER_DESCRIPTION)
                    String key,
            @Parameter(hidden = true) Caller caller) {
        CustomerId customerId = customerFor(request, caller);
        OrderId placed = OrderId.of(idempotencyKeys
                .once(
                        key,
                        caller,
                        customerId,
                        "order",
                        new PlaceOrderRequest(customerId, request.lines()),
                        operation -> commandGateway.sendAndWait(new PlaceOrderCommand(
                                OrderId.of(operation.value()),
                                customerId,
                                request.lines().stream()
                                        .map(PlaceOrderRequest.Line::toOrderLine)
                                        .toList())))
                .value());
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

    @PostMapping("/{orderId}/returns")
    @Operation(
            summary = "Return units of an accepted order, with the reason (its customer, or ADMIN), once per"
                    + " Idempotency-Key",
            description = "Accepted once the order recorded the return: the units go back into stock and their price"
                    + " is refunded asynchronously, by the returns workflow; the order shows the return and, once it"
                    + " completed, what was returned and refunded.")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<ReturnIdResponse> requestReturn(
            @PathVariable OrderId orderId,
            @Valid @RequestBody ReturnRequest request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                    @Parameter(description = IdempotencyKeys.HEADER_DESCRIPTION)
                    String key,
            @Parameter(hidden = true) Caller caller) {
        if (!caller.isAdmin() && caller.customerId() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No order " + orderId);
        }
        ReturnId returned = ReturnId.of(idempotencyKeys
                .once(
                        key,
                        caller,
                        orderId,
                        "return",
                        request,
                        operation -> commandGateway.sendAndWait(new RequestReturnCommand(
                                orderId,
                                ReturnId.of(operation.value()),
                                request.lines().stream()
                                        .map(ReturnRequest.Line::toOrderLine)
                                        .toList(),
                                request.reason(),
                                caller.isAdmin() ? null : caller.customerId())))
                .value());
        return ResponseEntity.accepted().location(location(orderId)).body(new ReturnIdResponse(orderId, returned));
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

    private static URI location(OrderId orderId) {
        return URI.create("/api/orders/" + orderId);
    }
}
