package io.sourced.app.it;

import io.sourced.api.inventory.ProductRestockedEvent;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Test-only source: a handler in the products view's processing group that fails on the restocks of a
 * poisoned product, the way a bug or a bad row would. Not a component on purpose: only an instance started
 * with it as an extra source has it.
 */
class PoisonedProducts {

    static final Set<String> POISONED = ConcurrentHashMap.newKeySet();

    @Bean
    Handler poisonedProductsHandler() {
        return new Handler();
    }

    /** Runs before the products view's projector, so a poisoned event is parked before the view applies it. */
    @ProcessingGroup("products-view")
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Handler {
        @EventHandler
        void on(ProductRestockedEvent event) {
            if (POISONED.contains(event.productId().value())) {
                throw new IllegalStateException("poisoned product " + event.productId());
            }
        }
    }
}
