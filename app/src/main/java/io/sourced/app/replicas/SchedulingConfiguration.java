package io.sourced.app.replicas;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The periodic work every process does among the replicas: its heartbeat, balancing segments and following replays
 * asked of another replica ({@code spring.task.scheduling.pool.size} threads, so one slow task never delays a
 * heartbeat into looking dead).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {}
