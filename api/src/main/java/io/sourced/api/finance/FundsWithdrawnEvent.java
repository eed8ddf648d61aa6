package io.sourced.api.finance;

import io.sourced.api.idempotency.OperationId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * {@code balance} is the account's balance after this event. {@code operationId} is the withdrawal's operation; null
 * for withdrawals recorded at revision 1.
 */
@Revision("2")
public record FundsWithdrawnEvent(
        CustomerId customerId,
        BigDecimal amount,
        BigDecimal balance,
        @Schema(nullable = true) OperationId operationId) implements CustomerScoped {}
