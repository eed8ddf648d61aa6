package io.sourced.app.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.springboot.autoconfig.AxonServerActuatorAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.health.StatusAggregator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * How /actuator/health adds its parts up under application.yml: a processor DEGRADED leaves the whole DEGRADED and
 * answered 200, the database DOWN makes it DOWN and 503, whatever the processors say; also under Axon Server, whose
 * own aggregator would not know DEGRADED.
 */
class HealthStatusesTest {

    private static final Status DEGRADED = new Status("DEGRADED");

    private final ApplicationContextRunner application = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withConfiguration(AutoConfigurations.of(
                    HealthContributorAutoConfiguration.class, HealthEndpointAutoConfiguration.class))
            .withUserConfiguration(MonitoringConfiguration.class)
            .withBean(EventProcessingConfigurer.class, () -> mock(EventProcessingConfigurer.class));

    private static HealthIndicator indicator(Status status) {
        return () -> Health.status(status).build();
    }

    private static Status overall(AssertableApplicationContext context) {
        return context.getBean(HealthEndpoint.class).health().getStatus();
    }

    private static int httpStatus(AssertableApplicationContext context) {
        return context.getBean(HttpCodeStatusMapper.class).getStatusCode(overall(context));
    }

    @Test
    void health_aProcessorDegraded_isDegradedAnswered200() {
        application
                .withBean("db", HealthIndicator.class, () -> indicator(Status.UP))
                .withBean("processors", HealthIndicator.class, () -> indicator(DEGRADED))
                .run(context -> {
                    assertThat(overall(context)).isEqualTo(DEGRADED);
                    assertThat(httpStatus(context)).isEqualTo(200);
                });
    }

    @Test
    void health_theDatabaseDown_isDownAnswered503_whateverTheProcessorsSay() {
        application
                .withBean("db", HealthIndicator.class, () -> indicator(Status.DOWN))
                .withBean("processors", HealthIndicator.class, () -> indicator(DEGRADED))
                .run(context -> {
                    assertThat(overall(context)).isEqualTo(Status.DOWN);
                    assertThat(httpStatus(context)).isEqualTo(503);
                });
    }

    @Test
    void health_processorsUnreadable_leavesTheWholeUp() {
        application
                .withBean("db", HealthIndicator.class, () -> indicator(Status.UP))
                .withBean("processors", HealthIndicator.class, () -> indicator(Status.UNKNOWN))
                .run(context -> assertThat(overall(context)).isEqualTo(Status.UP));
    }

    @Test
    void health_underAxonServer_stillKnowsDegraded_andAxonServerAwayIsDown() {
        AxonServerConnectionManager connected = mock(AxonServerConnectionManager.class);
        when(connected.connections()).thenReturn(Map.of("default", true));
        AxonServerConnectionManager away = mock(AxonServerConnectionManager.class);
        when(away.connections()).thenReturn(Map.of("default", false));
        ApplicationContextRunner underAxonServer = application
                .withPropertyValues("axon.axonserver.enabled=true")
                .withConfiguration(AutoConfigurations.of(AxonServerActuatorAutoConfiguration.class))
                .withBean("processors", HealthIndicator.class, () -> indicator(DEGRADED));

        underAxonServer
                .withBean(AxonServerConnectionManager.class, () -> connected)
                .run(context -> {
                    assertThat(context.getBeansOfType(StatusAggregator.class)).hasSize(1);
                    assertThat(overall(context)).isEqualTo(DEGRADED);
                    assertThat(httpStatus(context)).isEqualTo(200);
                });
        underAxonServer.withBean(AxonServerConnectionManager.class, () -> away).run(context -> {
            assertThat(overall(context)).isEqualTo(Status.DOWN);
            assertThat(httpStatus(context)).isEqualTo(503);
        });
    }
}
