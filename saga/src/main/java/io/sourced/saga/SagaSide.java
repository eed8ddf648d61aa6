package io.sourced.saga;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The order workflow, for a process of the saga role. The application derives {@code sourced.role.saga} from
 * {@code sourced.roles}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("sourced.role.saga")
@ComponentScan
public class SagaSide {}
