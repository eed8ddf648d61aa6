package io.sourced.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class AdminSignInTest {

    private final ApplicationContextRunner application = new ApplicationContextRunner()
            .withBean(SignInStore.class, () -> mock(SignInStore.class))
            .withUserConfiguration(AdminSignIn.class);

    @Test
    void start_adminPasswordLongerThanTheHashTakes_stopsNamingTheSettingAndTheLimit() {
        String password = "long-admin-password-".repeat(4);

        application
                .withPropertyValues("sourced.security.admin-password=" + password)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("sourced.security.admin-password")
                            .hasMessageContaining("72 bytes")
                            .hasMessageNotContaining(password);
                });
    }

    @Test
    void start_adminPasswordWithinTheLimit_starts() {
        application
                .withPropertyValues("sourced.security.admin-password=" + "p".repeat(72))
                .run(context -> assertThat(context).hasNotFailed());
    }
}
