package io.sourced.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SignInSettingsTest {

    @EnableConfigurationProperties(SignInSettings.class)
    static class Bound {}

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void signInSettings_notConfigured_areTheDocumentedDefaults() {
        context.run(app -> assertThat(app.getBean(SignInSettings.class))
                .isEqualTo(new SignInSettings(
                        5, Duration.ofMinutes(5), Duration.ofMinutes(5), 10_000, Duration.ofSeconds(60))));
    }

    @Test
    void trackedUsernames_configured_isBound() {
        context.withPropertyValues("sourced.security.sign-in.tracked-usernames=500")
                .run(app -> assertThat(app.getBean(SignInSettings.class).trackedUsernames())
                        .isEqualTo(500));
    }

    @Test
    void trackedUsernames_zero_isRefusedAtStartup() {
        context.withPropertyValues("sourced.security.sign-in.tracked-usernames=0")
                .run(app -> assertThat(app).hasFailed());
    }
}
