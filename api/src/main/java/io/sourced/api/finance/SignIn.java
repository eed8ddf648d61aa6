package io.sourced.api.finance;

/** A customer's sign-in, created with the account; the password is hashed where it is kept, never in an event. */
public record SignIn(String username, String password) {

    @Override
    public String toString() {
        return "SignIn[username=" + username + ", password=***]";
    }
}
