package io.sourced.command;

import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every aggregate's commands are routed by {@link CommandTargets}: Axon takes the one resolver of the context. */
@Configuration(proxyBeanMethods = false)
class CommandTargetsConfiguration {

    @Bean
    CommandTargetResolver commandTargets() {
        return new CommandTargets();
    }
}
