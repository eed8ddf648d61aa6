package io.sourced.app.roles;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Says which roles run here: in the log at start and under {@code roles} in {@code /actuator/info}. */
@Configuration(proxyBeanMethods = false)
class RoleConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RoleConfiguration.class);

    @Bean
    Roles roles(Environment environment) {
        Roles roles = Roles.of(environment);
        log.info("Roles of this process ({}): {}", Roles.PROPERTY, roles);
        return roles;
    }

    @Bean
    InfoContributor rolesInfo(Roles roles) {
        return info -> info.withDetail("roles", roles.toString().split(","));
    }
}
