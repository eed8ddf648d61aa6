package io.sourced.app.it;

import io.sourced.api.inventory.ReserveStockCommand;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

/**
 * Test-only source: a reservation for a gated product waits until the test opens the gate, so an order
 * is seen pending first and completing afterwards. Not a Spring component on purpose.
 */
class GateReservations {

    private static final Map<String, CountDownLatch> GATES = new ConcurrentHashMap<>();

    static void close(String productId) {
        GATES.put(productId, new CountDownLatch(1));
    }

    static void open(String productId) {
        CountDownLatch gate = GATES.remove(productId);
        if (gate != null) {
            gate.countDown();
        }
    }

    @Bean
    static BeanPostProcessor waitForOpenGates() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof SimpleCommandBus bus) {
                    bus.registerHandlerInterceptor((unitOfWork, chain) -> {
                        if (unitOfWork.getMessage().getPayload() instanceof ReserveStockCommand reserve) {
                            CountDownLatch gate = GATES.get(reserve.productId().value());
                            if (gate != null) {
                                gate.await(60, TimeUnit.SECONDS);
                            }
                        }
                        return chain.proceed();
                    });
                }
                return bean;
            }
        };
    }
}
