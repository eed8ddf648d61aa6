package io.sourced.saga.ordering;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderWorkflowSettings.class)
class OrderWorkflowConfiguration {}
