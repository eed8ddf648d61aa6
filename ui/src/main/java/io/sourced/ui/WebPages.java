package io.sourced.ui;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The web pages, for a process of the ui role. They reach the rest over the buses only, and need a
 * {@link LiveOrders} from the application. The application derives {@code sourced.role.ui} from
 * {@code sourced.roles}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("sourced.role.ui")
@ComponentScan
public class WebPages {}
