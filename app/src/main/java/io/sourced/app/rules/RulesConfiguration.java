package io.sourced.app.rules;

import io.sourced.api.rules.BusinessRules;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rules the live system decides by, one bean for every role: aggregates and the saga take it as a handler
 * parameter or resource, so a what-if timeline can give the same code other rules. A setting out of range stops the
 * start with the rule's message.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RulesSettings.class)
class RulesConfiguration {

    @Bean
    BusinessRules businessRules(RulesSettings settings) {
        return settings.rules();
    }
}
