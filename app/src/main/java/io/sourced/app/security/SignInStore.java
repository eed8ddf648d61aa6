package io.sourced.app.security;

import io.sourced.api.caller.Caller;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.SignIn;
import io.sourced.command.Refused;
import io.sourced.command.finance.CustomerSignIns;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** The sign-in table: who may sign in, with which role, for which customer. Passwords are kept hashed. */
@Component
public class SignInStore implements UserDetailsService, CustomerSignIns {

    /** The width of the sign-in table's username column: no sign-in has a longer name. */
    static final int MAX_USERNAME_LENGTH = 40;

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwordEncoder;

    SignInStore(JdbcTemplate jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        List<SignedInUser> found = jdbc.query(
                "SELECT username, password_hash, role, customer_id FROM sign_in WHERE username = ?",
                (rs, i) -> new SignedInUser(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4) == null ? null : CustomerId.of(rs.getString(4))),
                username);
        if (found.isEmpty()) {
            throw new UsernameNotFoundException("No sign-in " + username);
        }
        return found.get(0);
    }

    /** A password the hash cannot take whole is the request's fault: refused as invalid, before anything is written. */
    @Override
    public boolean register(String username, String password, CustomerId customerId) {
        if (!SignIn.fitsTheHash(password)) {
            throw Refused.invalid("password", "must be " + SignIn.PASSWORD_LIMIT);
        }
        try {
            create(username, password, Caller.CUSTOMER, customerId);
            return true;
        } catch (UsernameTaken taken) {
            return false;
        }
    }

    /** The role of the sign-in of that name; empty when there is none. */
    public Optional<String> role(String username) {
        return jdbc.queryForList("SELECT role FROM sign_in WHERE username = ?", String.class, username).stream()
                .findFirst();
    }

    public boolean exists(String username) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM sign_in WHERE username = ?", Integer.class, username);
        return count != null && count > 0;
    }

    public void create(String username, String password, String role, CustomerId customerId) {
        if (exists(username)) {
            throw new UsernameTaken(username);
        }
        insert(username, passwordEncoder.encode(password), role, customerId);
    }

    /** A sign-in whose password was hashed beforehand, in the format of this store's password encoder. */
    public void createHashed(String username, String passwordHash, String role, CustomerId customerId) {
        if (exists(username)) {
            throw new UsernameTaken(username);
        }
        insert(username, passwordHash, role, customerId);
    }

    private void insert(String username, String passwordHash, String role, CustomerId customerId) {
        try {
            jdbc.update(
                    "INSERT INTO sign_in (username, password_hash, role, customer_id) VALUES (?, ?, ?, ?)",
                    username,
                    passwordHash,
                    role,
                    customerId == null ? null : customerId.value());
        } catch (DuplicateKeyException e) {
            throw new UsernameTaken(username);
        }
    }

    /**
     * Gives the sign-in a password nobody knows, if its hash is still {@code passwordHash}; answers whether it did.
     * The row stays, so the username is not free for another sign-in to take.
     */
    public boolean disableIfHashIs(String username, String passwordHash) {
        String unknowable = passwordEncoder.encode(UUID.randomUUID().toString());
        return jdbc.update(
                        "UPDATE sign_in SET password_hash = ? WHERE username = ? AND password_hash = ?",
                        unknowable,
                        username,
                        passwordHash)
                > 0;
    }

    public void changePassword(String username, String password) {
        jdbc.update(
                "UPDATE sign_in SET password_hash = ? WHERE username = ?", passwordEncoder.encode(password), username);
    }

    /** A sign-in with this username exists already. */
    public static final class UsernameTaken extends RuntimeException {

        UsernameTaken(String username) {
            super("username " + username + " is taken");
        }
    }
}
