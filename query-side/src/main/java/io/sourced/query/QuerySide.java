package io.sourced.query;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The query side, for a process of the query role: the projectors, their views and the query endpoints. The
 * application derives {@code sourced.role.query} from {@code sourced.roles}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("sourced.role.query")
@ComponentScan
public class QuerySide {}
