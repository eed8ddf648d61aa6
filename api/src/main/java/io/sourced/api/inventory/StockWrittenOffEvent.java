package io.sourced.api.inventory;

import io.sourced.api.idempotency.OperationId;
import org.axonframework.serialization.Revision;

/**
 * Units taken out of the available stock for good (damaged, lost, or a mistaken restock corrected); who did it is in
 * the event's metadata.
 */
@Revision("1")
public record StockWrittenOffEvent(ProductId productId, int quantity, String reason, OperationId operationId)
        implements ProductScoped {}
