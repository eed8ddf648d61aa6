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

/** Outside the demo, the administrator's password comes from configuration, never from a seed. */
@Component
@Order(1)
class AdminSignIn implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminSignIn.class);
    static final String ADMIN_USERNAME = "admin";

    private final SignInStore signIns;
    private final String adminPassword;

    /** A password the hash cannot take whole stops the start here, saying which setting to change but not its value. */
    AdminSignIn(SignInStore signIns, @Value("${sourced.security.admin-password:}") String adminPassword) {
        if (!SignIn.fitsTheHash(adminPassword)) {
            throw new IllegalStateException("sourced.security.admin-password is "
                    + adminPassword.getBytes(StandardCharsets.UTF_8).length
                    + " bytes in UTF-8; passwords are hashed with BCrypt, which takes " + SignIn.PASSWORD_LIMIT
                    + ": set a shorter one");
        }
        this.signIns = signIns;
        this.adminPassword = adminPassword;
    }

    /** Several processes may start at once on one database: whoever creates the admin second sets its password. */
    @Override
    public void run(ApplicationArguments args) {
        if (adminPassword.isBlank()) {
            return;
        }
        if (signIns.exists(ADMIN_USERNAME)) {
            signIns.changePassword(ADMIN_USERNAME, adminPassword);
        } else {
            try {
                signIns.create(ADMIN_USERNAME, adminPassword, Caller.ADMIN, null);
            } catch (SignInStore.UsernameTaken e) {
                signIns.changePassword(ADMIN_USERNAME, adminPassword);
            }
        }
        log.info("Administrator sign-in '{}' set from sourced.security.admin-password", ADMIN_USERNAME);
    }
}
