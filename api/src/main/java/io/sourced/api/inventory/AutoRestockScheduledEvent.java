package io.sourced.api.inventory;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.sourced.api.idempotency.OperationId;
import java.time.Duration;
import org.axonframework.serialization.Revision;

/**
 * The automatic restock rule asked a restock of {@code quantity} units, due {@code delay} after this event; it arrives
 * as the ProductRestocked of the same {@code operationId}. A product waits for one at a time. The delay is written as
 * ISO-8601 text ({@code PT1H}).
 */
@Revision("1")
public record AutoRestockScheduledEvent(
        ProductId productId,
        OperationId operationId,
        int quantity,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration delay)
        implements ProductScoped {}
