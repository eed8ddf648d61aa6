package io.sourced.command.finance;

import io.sourced.api.finance.CustomerId;

/**
 * Creates a CUSTOMER sign-in for a new customer; implemented by the application, which owns the users. Called in
 * the transaction that opens the account, so both commit together or not at all.
 */
public interface CustomerSignIns {

    /**
     * @return false, creating nothing, when a user with this username exists already
     * @throws io.sourced.command.Refused invalid, creating nothing, for a password the hash cannot take whole
     */
    boolean register(String username, String password, CustomerId customerId);
}
