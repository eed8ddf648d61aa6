package io.sourced.api.inventory;

import io.sourced.api.idempotency.OperationId;
import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.serialization.Revision;

/** {@code operationId} is the restock's operation; null for restocks recorded at revision 1. */
@Revision("2")
public record ProductRestockedEvent(
        ProductId productId,
        int quantity,
        @Schema(nullable = true) OperationId operationId) implements ProductScoped {}
