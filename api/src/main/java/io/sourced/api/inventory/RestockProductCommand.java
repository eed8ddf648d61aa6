package io.sourced.api.inventory;

import io.sourced.api.idempotency.OperationId;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RestockProductCommand(
        @TargetAggregateIdentifier ProductId productId, int quantity, OperationId operationId) {

    public RestockProductCommand {
        Objects.requireNonNull(operationId, "operationId is required");
    }
}
