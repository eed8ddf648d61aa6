package io.sourced.query.eventlog;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventLogSettings.class)
class EventLogConfiguration {
}
