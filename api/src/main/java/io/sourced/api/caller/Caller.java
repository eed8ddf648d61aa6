package io.sourced.api.caller;

import io.sourced.api.finance.CustomerId;
import java.util.Set;

/**
 * Who sends a request: resolved by the application from the signed-in user and handed to the
 * controllers, so no module but the application knows how users are stored.
 */
public record Caller(String username, Set<String> roles, CustomerId customerId) {

    public static final String ADMIN = "ADMIN";
    public static final String CUSTOMER = "CUSTOMER";
    /** Another team's application reading the event feed with a bearer token; named by its consumer id. */
    public static final String CONSUMER_ROLE = "CONSUMER";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    /** True when this caller may see or act on the given customer's data. */
    public boolean mayActFor(CustomerId customer) {
        return isAdmin() || (customerId != null && customerId.equals(customer));
    }
}
