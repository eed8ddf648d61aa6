package io.sourced.command.finance;

import io.sourced.api.caller.Caller;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.DepositFundsCommand;
import io.sourced.api.finance.OpenAccountCommand;
import io.sourced.api.finance.ReverseDepositCommand;
import io.sourced.api.finance.TransactionId;
import io.sourced.api.finance.WithdrawFundsCommand;
import io.sourced.api.idempotency.OperationId;
import io.sourced.command.idempotency.IdempotencyKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/customers")
@Tag(name = "Customers")
class CustomerCommandController {

    private final CommandGateway commandGateway;
    private final IdempotencyKeys idempotencyKeys;

    CustomerCommandController(CommandGateway commandGateway, IdempotencyKeys idempotencyKeys) {
        this.commandGateway = commandGateway;
        this.idempotencyKeys = idempotencyKeys;
    }

    @PostMapping
    @Operation(summary = "Open a customer's account, optionally with a sign-in (ADMIN)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CustomerIdResponse> open(@Valid @RequestBody OpenCustomerRequest request) {
        CustomerId customerId = CustomerId.random();
        commandGateway.sendAndWait(
                new OpenAccountCommand(customerId, request.name(), request.initialDeposit(), request.signIn()));
        return ResponseEntity.created(location(customerId)).body(new CustomerIdResponse(customerId));
    }

    @PostMapping("/{customerId}/deposits")
    @Operation(summary = "Deposit funds, once per Idempotency-Key")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<CustomerIdResponse> deposit(
            @PathVariable CustomerId customerId,
            @Valid @RequestBody AmountRequest request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                    @Parameter(description = IdempotencyKeys.HEADER_DESCRIPTION)
                    String key,
            @Parameter(hidden = true) Caller caller) {
        return moveFunds(
                caller,
                customerId,
                key,
                "deposit",
                request,
                operation -> new DepositFundsCommand(customerId, request.amount(), operation));
    }

    @PostMapping("/{customerId}/withdrawals")
    @Operation(summary = "Withdraw funds, once per Idempotency-Key; 422 beyond the balance")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<CustomerIdResponse> withdraw(
            @PathVariable CustomerId customerId,
            @Valid @RequestBody AmountRequest request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                    @Parameter(description = IdempotencyKeys.HEADER_DESCRIPTION)
                    String key,
            @Parameter(hidden = true) Caller caller) {
        return moveFunds(
                caller,
                customerId,
                key,
                "withdrawal",
                request,
                operation -> new WithdrawFundsCommand(customerId, request.amount(), operation));
    }

    @PostMapping("/{customerId}/transactions/{transactionId}/reversal")
    @Operation(
            summary = "Take a deposit back, with the reason (ADMIN); 422 when its money is spent, the transaction is"
                    + " not a deposit, or it was reversed already")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<CustomerIdResponse> reverseDeposit(
            @PathVariable CustomerId customerId,
            @PathVariable TransactionId transactionId,
            @Valid @RequestBody ReversalRequest request) {
        commandGateway.sendAndWait(new ReverseDepositCommand(customerId, transactionId, request.reason()));
        return ResponseEntity.accepted().location(location(customerId)).body(new CustomerIdResponse(customerId));
    }

    private ResponseEntity<CustomerIdResponse> moveFunds(
            Caller caller,
            CustomerId customerId,
            String key,
            String action,
            AmountRequest request,
            Function<OperationId, Object> command) {
        requireMayActFor(caller, customerId);
        idempotencyKeys.once(
                key,
                caller,
                customerId,
                action,
                request,
                operation -> commandGateway.sendAndWait(command.apply(operation)));
        return ResponseEntity.accepted().location(location(customerId)).body(new CustomerIdResponse(customerId));
    }

    /** Another customer's id answers as an unknown one: no existence leak. */
    private static void requireMayActFor(Caller caller, CustomerId customerId) {
        if (!caller.mayActFor(customerId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No customer " + customerId);
        }
    }

    private static URI location(CustomerId customerId) {
        return URI.create("/api/customers/" + customerId);
    }
}
