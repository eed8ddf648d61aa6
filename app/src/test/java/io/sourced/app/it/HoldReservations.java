package io.sourced.app.it;

import io.sourced.api.inventory.ReserveStockCommand;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

/**
 * Test-only source: a reservation request for a held product is lost (never handled, never answered),
 * so an order of it stays pending with its deadline scheduled. Not a Spring component on purpose:
 * only an instance started with it as an extra source has it.
 */
class HoldReservations {

    static final Set<String> HELD_PRODUCTS = ConcurrentHashMap.newKeySet();

    @Bean
    static BeanPostProcessor loseReservationsOfHeldProducts() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof SimpleCommandBus bus) {
                    bus.registerHandlerInterceptor((unitOfWork, chain) -> {
                        if (unitOfWork.getMessage().getPayload() instanceof ReserveStockCommand reserve
                                && HELD_PRODUCTS.contains(reserve.productId().value())) {
                            return null;
                        }
                        return chain.proceed();
                    });
                }
                return bean;
            }
        };
    }
}
