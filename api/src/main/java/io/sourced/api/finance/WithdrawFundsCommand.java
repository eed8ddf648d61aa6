package io.sourced.api.finance;

import io.sourced.api.idempotency.OperationId;
import java.math.BigDecimal;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WithdrawFundsCommand(
        @TargetAggregateIdentifier CustomerId customerId, BigDecimal amount, OperationId operationId) {

    public WithdrawFundsCommand {
        Objects.requireNonNull(operationId, "operationId is required");
    }
}
