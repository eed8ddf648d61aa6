package io.sourced.command;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The command side, for a process of the command role: the aggregates, their lookups and the command endpoints.
 * The application derives {@code sourced.role.command} from {@code sourced.roles}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("sourced.role.command")
@ComponentScan
public class CommandSide {}
