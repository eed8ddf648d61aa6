package io.sourced.query.views.finance;

import io.sourced.api.caller.Caller;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.CustomerView;
import io.sourced.api.finance.FindAllCustomersQuery;
import io.sourced.api.finance.FindCustomerAsOfQuery;
import io.sourced.api.finance.FindCustomerQuery;
import io.sourced.api.finance.FindTransactionsQuery;
import io.sourced.api.finance.TransactionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/customers")
@Tag(name = "Customers")
class CustomerQueryController {

    private final QueryGateway queryGateway;

    CustomerQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @Operation(summary = "Every customer with their balance, by name (ADMIN)")
    @GetMapping
    List<CustomerView> customers(@Parameter(hidden = true) Caller caller) {
        if (!caller.isAdmin()) {
            // the application's security answers this first; kept so the rule holds without it
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only an administrator lists customers");
        }
        return queryGateway
                .query(new FindAllCustomersQuery(), ResponseTypes.multipleInstancesOf(CustomerView.class))
                .join();
    }

    @Operation(summary = "A customer with their balance, now or as of an instant; 404 when unknown or not the caller's")
    @GetMapping("/{customerId}")
    CustomerView customer(
            @PathVariable String customerId,
            @Parameter(hidden = true) Caller caller,
            @Parameter(description = "The state at this instant (ISO-8601), computed from the event log")
                    @RequestParam(required = false)
                    Instant asOf) {
        CustomerView customer = visibleCustomer(customerId, caller);
        if (asOf == null) {
            return customer;
        }
        return queryGateway
                .query(
                        new FindCustomerAsOfQuery(customer.customerId(), asOf),
                        ResponseTypes.optionalInstanceOf(CustomerView.class))
                .join()
                .orElseThrow(() -> noCustomer(customerId));
    }

    @Operation(summary = "A customer's ledger, oldest first; 404 when unknown or not the caller's")
    @GetMapping("/{customerId}/transactions")
    List<TransactionView> transactions(@PathVariable String customerId, @Parameter(hidden = true) Caller caller) {
        CustomerView customer = visibleCustomer(customerId, caller);
        return queryGateway
                .query(
                        new FindTransactionsQuery(customer.customerId()),
                        ResponseTypes.multipleInstancesOf(TransactionView.class))
                .join();
    }

    private CustomerView visibleCustomer(String customerId, Caller caller) {
        CustomerId id;
        try {
            id = CustomerId.of(customerId);
        } catch (IllegalArgumentException e) {
            throw noCustomer(customerId);
        }
        if (!caller.mayActFor(id)) {
            throw noCustomer(customerId);
        }
        return queryGateway
                .query(new FindCustomerQuery(id), ResponseTypes.optionalInstanceOf(CustomerView.class))
                .join()
                .orElseThrow(() -> noCustomer(customerId));
    }

    private static ResponseStatusException noCustomer(String customerId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No customer " + customerId);
    }
}
