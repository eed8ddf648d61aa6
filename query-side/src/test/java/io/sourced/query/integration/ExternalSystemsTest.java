package io.sourced.query.integration;

import static io.sourced.query.integration.ExternalSystems.CRM_URL;
import static io.sourced.query.integration.ExternalSystems.SHIPPING_URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ExternalSystemsTest {

    private static final IntegrationSettings SETTINGS =
            new IntegrationSettings(Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofSeconds(5));

    private final MockEnvironment environment = new MockEnvironment();
    private final ExternalSystems systems = new ExternalSystems(environment, SETTINGS);

    @Test
    void baseUrls_resolvedAtEachCall_fromThePortTheServerListensOn() {
        environment.setProperty("server.port", "0");
        environment.setProperty(CRM_URL, "http://localhost:${local.server.port:${server.port}}/sim/crm/");
        environment.setProperty(SHIPPING_URL, "http://localhost:${local.server.port:${server.port}}/sim/shipping");
        systems.checkConfigured();

        environment.setProperty("local.server.port", "8181");

        assertThat(systems.crm("/customers/c/tier"))
                .isEqualTo(URI.create("http://localhost:8181/sim/crm/customers/c/tier"));
        assertThat(systems.shipping("/shipments"))
                .isEqualTo(URI.create("http://localhost:8181/sim/shipping/shipments"));
    }

    @Test
    void checkConfigured_withoutAUrl_failsTheStart() {
        environment.setProperty(CRM_URL, "http://crm.example");

        assertThatThrownBy(systems::checkConfigured)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(SHIPPING_URL)
                .hasMessageContaining("not set");
    }

    @Test
    void checkConfigured_withAnUnresolvablePlaceholder_failsTheStart() {
        environment.setProperty(CRM_URL, "${SOURCED_CRM_URL}");
        environment.setProperty(SHIPPING_URL, "http://shipping.example");

        assertThatThrownBy(systems::checkConfigured)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(CRM_URL)
                .hasMessageContaining("SOURCED_CRM_URL");
    }

    @Test
    void checkConfigured_withANonHttpUrl_failsTheStart() {
        environment.setProperty(CRM_URL, "ftp://crm.example");
        environment.setProperty(SHIPPING_URL, "http://shipping.example");

        assertThatThrownBy(systems::checkConfigured)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not an http(s) URL");
    }
}
