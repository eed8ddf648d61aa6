package io.sourced.command.admission;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The workflow's backlog followed from the log, new orders refused past its limit, both shown to operators. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdmissionSettings.class)
class AdmissionConfiguration {

    @Bean
    BacklogFollower backlogFollower() {
        return new BacklogFollower(Clock.systemUTC());
    }

    /** Started with Axon's event store, and stopped before it. */
    @Bean
    ConfigurerModule backlogFollowing(BacklogFollower follower) {
        return configurer -> configurer.onInitialize(configuration -> {
            configuration.onStart(Phase.INBOUND_EVENT_CONNECTORS, () -> follower.start(configuration.eventStore()));
            configuration.onShutdown(Phase.INBOUND_EVENT_CONNECTORS, follower::stop);
        });
    }

    @Bean
    OrderAdmission orderAdmission(
            BacklogFollower backlog,
            AdmissionSettings settings,
            ObjectProvider<MeterRegistry> registries,
            CommandBus commandBus) {
        MeterRegistry registry = registries.getIfAvailable(SimpleMeterRegistry::new);
        Counter refused = Counter.builder("sourced.admission.refused")
                .description("Orders refused (429) because the workflow was further behind than its limit")
                .baseUnit("orders")
                .register(registry);
        Gauge.builder(
                        "sourced.workflow.pending",
                        backlog,
                        follower -> follower.current().pendingOrders())
                .description("Orders placed and not yet accepted, rejected or cancelled")
                .baseUnit("orders")
                .register(registry);
        Gauge.builder(
                        "sourced.workflow.expected.wait",
                        backlog,
                        follower -> follower.current().expectedWait().toMillis() / 1000.0)
                .description("How long an order placed now would wait for its decision")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder(
                        "sourced.workflow.oldest.pending",
                        backlog,
                        follower -> follower.current().oldestPending().toMillis() / 1000.0)
                .description("How long the oldest pending order has waited")
                .baseUnit("seconds")
                .register(registry);
        OrderAdmission admission = new OrderAdmission(backlog::current, settings, refused);
        if (settings.enabled()) {
            commandBus.registerHandlerInterceptor(admission);
        }
        return admission;
    }
}
