package io.sourced.simulators;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The stand-ins for the CRM and the shipping partner, when {@code sourced.simulators.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sourced.simulators.enabled", havingValue = "true")
@ComponentScan
public class Simulators {}
