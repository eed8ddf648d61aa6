package io.sourced.timelines;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * What-if timelines, for a process of the query role: like a view rebuild, a timeline reads the whole log and writes
 * nothing but its own row, so it runs where the log is read for the views. The application derives
 * {@code sourced.role.query} from {@code sourced.roles}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("sourced.role.query")
@ComponentScan
public class TimelinesSide {}
