package io.sourced.command.lookup;

import io.sourced.api.finance.AccountOpenedEvent;
import io.sourced.api.inventory.ProductRegisteredEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records each created product and customer in the transaction that appends its event
 * (a subscribing processor, see {@link CommandLookupConfiguration}), so {@link KnownIds} is never behind.
 */
@Component
@ProcessingGroup(KnownIdsRecorder.GROUP)
class KnownIdsRecorder {

    static final String GROUP = "command-lookups";

    private final JdbcTemplate jdbc;

    KnownIdsRecorder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProductRegisteredEvent event) {
        String id = event.productId().value();
        if (jdbc.update("UPDATE known_product SET product_id = ? WHERE product_id = ?", id, id) == 0) {
            jdbc.update("INSERT INTO known_product (product_id) VALUES (?)", id);
        }
    }

    @EventHandler
    void on(AccountOpenedEvent event) {
        String id = event.customerId().value();
        if (jdbc.update("UPDATE known_customer SET customer_id = ? WHERE customer_id = ?", id, id) == 0) {
            jdbc.update("INSERT INTO known_customer (customer_id) VALUES (?)", id);
        }
    }
}
