package io.sourced.app.security;

import io.sourced.api.caller.Caller;
import io.sourced.api.finance.SignIn;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the demo, the staff's sign-ins take their passwords from configuration, never from a seed: the
 * administrator's, and the one Prometheus scrapes {@code /actuator/prometheus} with (role {@code METRICS}, which may
 * read nothing else).
 */
@Component
@Order(1)
class ConfiguredSignIns implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredSignIns.class);
    static final String ADMIN_USERNAME = "admin";
    static final String METRICS_USERNAME = "metrics";
    /** The role of the metrics scraper's sign-in. */
    static final String METRICS = "METRICS";

    private static final String ADMIN_PASSWORD = "sourced.security.admin-password";
    private static final String METRICS_PASSWORD = "sourced.security.metrics-password";

    private final SignInStore signIns;
    private final String adminPassword;
    private final String metricsPassword;

    /** A password the hash cannot take whole stops the start here, saying which setting to change but not its value. */
    ConfiguredSignIns(
            SignInStore signIns,
            @Value("${" + ADMIN_PASSWORD + ":}") String adminPassword,
            @Value("${" + METRICS_PASSWORD + ":}") String metricsPassword) {
        this.signIns = signIns;
        this.adminPassword = fitting(adminPassword, ADMIN_PASSWORD);
        this.metricsPassword = fitting(metricsPassword, METRICS_PASSWORD);
    }

    private static String fitting(String password, String setting) {
        if (!SignIn.fitsTheHash(password)) {
            throw new IllegalStateException(setting + " is " + password.getBytes(StandardCharsets.UTF_8).length
                    + " bytes in UTF-8; passwords are hashed with BCrypt, which takes " + SignIn.PASSWORD_LIMIT
                    + ": set a shorter one");
        }
        return password;
    }

    @Override
    public void run(ApplicationArguments args) {
        set(ADMIN_USERNAME, Caller.ADMIN, adminPassword, ADMIN_PASSWORD);
        set(METRICS_USERNAME, METRICS, metricsPassword, METRICS_PASSWORD);
    }

    /**
     * Several processes may start at once on one database: whoever creates the sign-in second sets its password. A
     * sign-in of that name with another role (a customer who chose it) is never given the role: the start stops.
     */
    private void set(String username, String role, String password, String setting) {
        if (password.isBlank()) {
            return;
        }
        if (signIns.role(username).isPresent()) {
            changePassword(username, role, password, setting);
        } else {
            try {
                signIns.create(username, password, role, null);
            } catch (SignInStore.UsernameTaken e) {
                changePassword(username, role, password, setting);
            }
        }
        log.info("Sign-in '{}' ({}) set from {}", username, role, setting);
    }

    private void changePassword(String username, String role, String password, String setting) {
        String held = signIns.role(username).orElse(role);
        if (!held.equals(role)) {
            throw new IllegalStateException("The sign-in '" + username + "' exists with the role " + held + ", not "
                    + role + ": " + setting + " cannot set its password");
        }
        signIns.changePassword(username, password);
    }
}
