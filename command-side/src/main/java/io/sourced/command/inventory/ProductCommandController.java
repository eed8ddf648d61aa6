package io.sourced.command.inventory;

import io.sourced.api.caller.Caller;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.RegisterProductCommand;
import io.sourced.api.inventory.RestockProductCommand;
import io.sourced.api.inventory.WriteOffStockCommand;
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

/** ADMIN only (enforced by the application's security configuration). */
@RestController
@RequestMapping("/api/products")
@Tag(name = "Products")
class ProductCommandController {

    private final CommandGateway commandGateway;
    private final IdempotencyKeys idempotencyKeys;

    ProductCommandController(CommandGateway commandGateway, IdempotencyKeys idempotencyKeys) {
        this.commandGateway = commandGateway;
        this.idempotencyKeys = idempotencyKeys;
    }

    @PostMapping
    @Operation(summary = "Register a product (ADMIN)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ProductIdResponse> register(@Valid @RequestBody RegisterProductRequest request) {
        ProductId productId = ProductId.random();
        commandGateway.sendAndWait(new RegisterProductCommand(
                productId, request.name(), request.price(), request.stock(), request.category()));
        return ResponseEntity.created(location(productId)).body(new ProductIdResponse(productId));
    }

    @PostMapping("/{productId}/restock")
    @Operation(summary = "Add stock to a product, once per Idempotency-Key (ADMIN)")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<ProductIdResponse> restock(
            @PathVariable ProductId productId,
            @Valid @RequestBody RestockRequest request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                    @Parameter(description = IdempotencyKeys.HEADER_DESCRIPTION)
                    String key,
            @Parameter(hidden = true) Caller caller) {
        idempotencyKeys.once(
                key,
                caller,
                productId,
                "restock",
                request,
                operation -> commandGateway.sendAndWait(
                        new RestockProductCommand(productId, request.quantity(), operation)));
        return ResponseEntity.accepted().location(location(productId)).body(new ProductIdResponse(productId));
    }

    @PostMapping("/{productId}/write-offs")
    @Operation(
            summary =
                    "Take units out of the available stock for good, with the reason, once per Idempotency-Key (ADMIN)")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<ProductIdResponse> writeOff(
            @PathVariable ProductId productId,
            @Valid @RequestBody WriteOffRequest request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                    @Parameter(description = IdempotencyKeys.HEADER_DESCRIPTION)
                    String key,
            @Parameter(hidden = true) Caller caller) {
        idempotencyKeys.once(
                key,
                caller,
                productId,
                "write-off",
                request,
                operation -> commandGateway.sendAndWait(
                        new WriteOffStockCommand(productId, request.quantity(), request.reason(), operation)));
        return ResponseEntity.accepted().location(location(productId)).body(new ProductIdResponse(productId));
    }

    private static URI location(ProductId productId) {
        return URI.create("/api/products/" + productId);
    }
}
