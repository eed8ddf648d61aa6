package io.sourced.command.ordering;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The live return window: the configured length, on the system clock. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReturnSettings.class)
class ReturnConfiguration {

    @Bean
    ReturnWindow returnWindow(ReturnSettings settings) {
        Clock clock = Clock.systemUTC();
        return new ReturnWindow(settings.window(), clock::instant);
    }
}
