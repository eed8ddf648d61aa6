package io.sourced.api.finance;

/** An event that concerns one customer's account: what lets a reader follow a customer. */
public interface CustomerScoped {

    CustomerId customerId();
}
