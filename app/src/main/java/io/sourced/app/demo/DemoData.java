package io.sourced.app.demo;

import io.sourced.api.caller.Caller;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.OpenAccountCommand;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.RegisterProductCommand;
import io.sourced.app.security.SignInStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo sign-ins, customers and products once: the sign-ins and the commands' events commit in
 * one transaction, and a database that already has the demo customer alice is left alone. Her sign-in is written
 * first: a replica seeding at the same moment waits on that row, then finds it taken and leaves the seed to the other.
 * The demo's admin is added only where no admin exists: one set by {@code sourced.security.admin-password} keeps its
 * password. Runs only where the command role runs: on the JDBC event store its commands must find their
 * handlers in this very process, and their events commit with the sign-ins.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "sourced.demo.enabled", havingValue = "true")
@ConditionalOnBooleanProperty("sourced.role.command")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String FIRST_SEEDED = "alice";
    private static final Map<String, Object> SEEDED_BY = Map.of("username", "demo-seed");
    private static final int HANDLER_ATTEMPTS = 60;
    private static final Duration HANDLER_PAUSE = Duration.ofMillis(500);
    /**
     * The demo's passwords (each sign-in's own name), hashed once here rather than at every start: BCrypt is
     * slow on purpose, and a start-up should not pay for it.
     */
    static final Map<String, String> PASSWORD_HASHES = Map.of(
            "admin", "{bcrypt}$2a$10$J1.tViYBRxI5TR9.3hjUuOoJ4HDThQe2neUdB6mKmO.Q0CxOuoMxy",
            "alice", "{bcrypt}$2a$10$kHGpIFfddZfyB48tooCLmeifB8BNGJSPIJUTaj5CBJcYIWEDpXiL.",
            "bob", "{bcrypt}$2a$10$Etweso4vr7Ya2zlFmMosU.DFDf63yOyQ5eJZzNo4euw90W0BDKNVm");

    private final SignInStore signIns;
    private final CommandGateway commandGateway;
    private final TransactionTemplate transaction;

    DemoData(SignInStore signIns, CommandGateway commandGateway, PlatformTransactionManager transactions) {
        this.signIns = signIns;
        this.commandGateway = commandGateway;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            transaction.executeWithoutResult(status -> seed());
        } catch (SignInStore.UsernameTaken e) {
            log.info("Demo data seeded by another instance");
        }
    }

    private void seed() {
        if (signIns.exists(FIRST_SEEDED)) {
            return;
        }
        CustomerId alice = CustomerId.random();
        signIns.createHashed(FIRST_SEEDED, PASSWORD_HASHES.get(FIRST_SEEDED), Caller.CUSTOMER, alice);
        boolean demoAdmin = !signIns.exists("admin");
        if (demoAdmin) {
            signIns.createHashed("admin", PASSWORD_HASHES.get("admin"), Caller.ADMIN, null);
        }
        send(new OpenAccountCommand(alice, "Alice Martin", new BigDecimal("500.00")));
        customer("bob", "Bob Chen", "120.00");
        product("Mechanical keyboard", "Peripherals", "89.90", 25);
        product("Wireless mouse", "Peripherals", "24.50", 60);
        product("27-inch monitor", "Displays", "229.00", 8);
        product("Laptop stand", "Accessories", "39.00", 15);
        product("Noise-cancelling headphones", "Audio", "199.00", 4);
        product("USB-C cable", "Accessories", "9.99", 200);
        log.info(
                "Demo data seeded: sign-ins {}alice/alice, bob/bob and six products", demoAdmin ? "admin/admin, " : "");
    }

    private void customer(String username, String name, String deposit) {
        CustomerId customerId = CustomerId.random();
        send(new OpenAccountCommand(customerId, name, new BigDecimal(deposit)));
        signIns.createHashed(username, PASSWORD_HASHES.get(username), Caller.CUSTOMER, customerId);
    }

    private void product(String name, String category, String price, int stock) {
        send(new RegisterProductCommand(ProductId.random(), name, new BigDecimal(price), stock, category));
    }

    /**
     * Through a router (Axon Server) this process's own handlers may not be announced yet when it starts: a command
     * that finds no handler is sent again for a while. The local bus knows its handlers at once.
     */
    private void send(Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                commandGateway.sendAndWait(
                        GenericCommandMessage.asCommandMessage(command).andMetaData(SEEDED_BY));
                return;
            } catch (NoHandlerForCommandException e) {
                if (attempt >= HANDLER_ATTEMPTS) {
                    throw e;
                }
                log.info(
                        "No handler for {} yet; trying again",
                        command.getClass().getSimpleName());
                LockSupport.parkNanos(HANDLER_PAUSE.toNanos());
            }
        }
    }
}
