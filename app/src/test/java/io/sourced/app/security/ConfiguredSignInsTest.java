package io.sourced.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.sourced.api.caller.Caller;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ConfiguredSignInsTest {

    private final SignInStore store = mock(SignInStore.class);
    private final ApplicationContextRunner application = new ApplicationContextRunner()
            .withBean(SignInStore.class, () -> store)
            .withUserConfiguration(ConfiguredSignIns.class);

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
    void start_metricsPasswordLongerThanTheHashTakes_stopsNamingTheSetting() {
        String password = "long-metrics-password-".repeat(4);

        application
                .withPropertyValues("sourced.security.metrics-password=" + password)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("sourced.security.metrics-password")
                            .hasMessageNotContaining(password);
                });
    }

    @Test
    void start_adminPasswordWithinTheLimit_starts() {
        application
                .withPropertyValues("sourced.security.admin-password=" + "p".repeat(72))
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void run_metricsPassword_createsTheMetricsSignIn_andLeavesTheAdminAlone() throws Exception {
        when(store.role(anyString())).thenReturn(Optional.empty());

        new ConfiguredSignIns(store, "", "scrape-me").run(null);

        verify(store).create("metrics", "scrape-me", ConfiguredSignIns.METRICS, null);
        verify(store, times(1)).create(any(), any(), any(), any());
        verify(store, never()).changePassword(any(), any());
    }

    @Test
    void run_metricsSignInHeldByACustomer_stopsTheStart_andChangesNothing() {
        when(store.role("metrics")).thenReturn(Optional.of(Caller.CUSTOMER));

        assertThatThrownBy(() -> new ConfiguredSignIns(store, "", "scrape-me").run(null))
                .hasMessageContaining("'metrics'")
                .hasMessageContaining("CUSTOMER")
                .hasMessageContaining("sourced.security.metrics-password");
        verify(store, never()).changePassword(any(), any());
    }
}
