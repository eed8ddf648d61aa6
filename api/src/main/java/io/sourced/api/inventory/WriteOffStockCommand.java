package io.sourced.api.inventory;

import io.sourced.api.idempotency.OperationId;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WriteOffStockCommand(
        @TargetAggregateIdentifier ProductId productId, int quantity, String reason, OperationId operationId) {

    public WriteOffStockCommand {
        Objects.requireNonNull(operationId, "operationId is required");
    }
}
