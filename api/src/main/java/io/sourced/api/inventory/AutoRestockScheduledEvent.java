package io.sourced.api.inventory;

import io.sourced.api.idempotency.OperationId;
import java.time.Duration;
import org.axonframework.serialization.Revision;

/**
 * The automatic restock rule asked a restock of {@code quantity} units, due {@code delay} after this event; it arrives
 * as the ProductRestocked of the same {@code operationId}. A product waits for one at a time.
 */
@Revision("1")
public record AutoRestockScheduledEvent(ProductId productId, OperationId operationId, int quantity, Duration delay)
        implements ProductScoped {}
