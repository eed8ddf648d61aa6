package io.sourced.command.finance;

import io.sourced.api.caller.Caller;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.DepositFundsCommand;
import io.sourced.api.finance.OpenAccountCommand;
import io.sourced.api.finance.WithdrawFundsCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/customers")
@Tag(name = "Customers")
class CustomerCommandController {

    private final CommandGateway commandGateway;

    CustomerCommandController(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
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
    @Operation(summary = "Deposit funds")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<CustomerIdResponse> deposit(
            @PathVariable CustomerId customerId,
            @Valid @RequestBody AmountRequest request,
            @Parameter(hidden = true) Caller caller) {
        return moveFunds(caller, customerId, new DepositFundsCommand(customerId, request.amount()));
    }

    @PostMapping("/{customerId}/withdrawals")
    @Operation(summary = "Withdraw funds; 422 beyond the balance")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<CustomerIdResponse> withdraw(
            @PathVariable CustomerId customerId,
            @Valid @RequestBody AmountRequest request,
            @Parameter(hidden = true) Caller caller) {
        return moveFunds(caller, customerId, new WithdrawFundsCommand(customerId, request.amount()));
    }

    private ResponseEntity<CustomerIdResponse> moveFunds(Caller caller, CustomerId customerId, Object command) {
        requireMayActFor(caller, customerId);
        commandGateway.sendAndWait(command);
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
