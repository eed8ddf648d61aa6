package io.sourced.app.it;

import io.sourced.api.inventory.ReturnStockCommand;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

/**
 * Test-only source: a product that fails to take returned units back, the next so many times (a database away, a bug),
 * as the returns workflow must cope with. Not a Spring component on purpose: only an instance started with it as an
 * extra source has it.
 */
class FailingRestocks {

    /** Each product's failures still to come; {@link Integer#MAX_VALUE}: every time. */
    static final Map<String, Integer> FAILURES = new ConcurrentHashMap<>();

    @Bean
    static BeanPostProcessor failRestocksOfReturns() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof SimpleCommandBus bus) {
                    bus.registerHandlerInterceptor((unitOfWork, chain) -> {
                        if (unitOfWork.getMessage().getPayload() instanceof ReturnStockCommand restock
                                && FAILURES.computeIfPresent(restock.productId().value(), (id, left) -> left - 1)
                                        != null) {
                            FAILURES.remove(restock.productId().value(), 0);
                            throw new IllegalStateException("the stock of " + restock.productId() + " is unreachable");
                        }
                        return chain.proceed();
                    });
                }
                return bean;
            }
        };
    }
}
