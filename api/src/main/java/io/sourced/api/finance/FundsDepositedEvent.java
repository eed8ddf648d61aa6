package io.sourced.api.finance;

import io.sourced.api.idempotency.OperationId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * {@code balance} is the account's balance after this event. {@code operationId} is the deposit's operation; null
 * for the deposit that opened the account and for deposits recorded at revision 1.
 */
@Revision("2")
public record FundsDepositedEvent(
        CustomerId customerId,
        BigDecimal amount,
        BigDecimal balance,
        @Schema(nullable = true) OperationId operationId) implements CustomerScoped {}
