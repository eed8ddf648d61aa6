package io.sourced.api.finance;

import io.sourced.api.idempotency.OperationId;
import java.math.BigDecimal;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DepositFundsCommand(
        @TargetAggregateIdentifier CustomerId customerId, BigDecimal amount, OperationId operationId) {

    public DepositFundsCommand {
        Objects.requireNonNull(operationId, "operationId is required");
    }
}
