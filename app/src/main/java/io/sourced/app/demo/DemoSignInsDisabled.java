package io.sourced.app.demo;

import io.sourced.app.security.SignInStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With the demo off, the sign-ins a demo seeded earlier on this database stop working: each one that still has its
 * demo password (its own name, known to anyone who read the README) gets a password nobody knows. A sign-in whose
 * password was changed since is left alone, and so are the demo's accounts and orders, which are history. Runs after
 * the admin's configured password is set, so a configured admin is never touched, and in every role: sign-ins are
 * shared by all.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "sourced.demo.enabled", havingValue = "false")
class DemoSignInsDisabled implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSignInsDisabled.class);

    private final SignInStore signIns;

    DemoSignInsDisabled(SignInStore signIns) {
        this.signIns = signIns;
    }

    @Override
    public void run(ApplicationArguments args) {
        DemoData.PASSWORD_HASHES.forEach((username, hash) -> {
            if (signIns.disableIfHashIs(username, hash)) {
                log.warn("Demo sign-in '{}' disabled: the demo is off and it still had its demo password", username);
            }
        });
    }
}
