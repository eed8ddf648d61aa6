package io.sourced.app.security;

import io.sourced.api.caller.Caller;
import io.sourced.api.finance.CustomerId;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A sign-in as Spring Security holds it, with the customer it acts for (null for staff). */
final class SignedInUser extends User {

    private final String role;
    private final CustomerId customerId;

    SignedInUser(String username, String passwordHash, String role, CustomerId customerId) {
        super(username, passwordHash, List.of(new SimpleGrantedAuthority("ROLE_" + role)));
        this.role = role;
        this.customerId = customerId;
    }

    Caller toCaller() {
        return new Caller(getUsername(), Set.of(role), customerId);
    }
}
