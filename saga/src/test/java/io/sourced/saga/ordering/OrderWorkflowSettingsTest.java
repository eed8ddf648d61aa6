package io.sourced.saga.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class OrderWorkflowSettingsTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(OrderWorkflowConfiguration.class);

    @Test
    void orderTimeout_notConfigured_isThirtySeconds() {
        context.run(app ->
                assertThat(app.getBean(OrderWorkflowSettings.class).timeout()).isEqualTo(Duration.ofSeconds(30)));
    }

    @Test
    void orderTimeout_configured_isBound() {
        context.withPropertyValues("sourced.order.timeout=2m")
                .run(app -> assertThat(app.getBean(OrderWorkflowSettings.class).timeout())
                        .isEqualTo(Duration.ofMinutes(2)));
    }

    @Test
    void orderTimeout_zero_isRefusedAtStartup() {
        context.withPropertyValues("sourced.order.timeout=0s")
                .run(app -> assertThat(app).hasFailed());
    }
}
